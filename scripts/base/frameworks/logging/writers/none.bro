##! The writer that discards everything, for streams whose rows are only
##! wanted through their event or a filter's side effects.

module LogNone;

export {
	## If true, the writer prints what it was started with (path,
	## rotation settings, $config, columns) to standard output, for
	## testing the logging framework.
	const debug = F &redef;
}

function default_rotation_postprocessor_func(info: Log::RotationInfo) : bool
	{
	return T;
	}

redef Log::default_rotation_postprocessors += { [Log::WRITER_NONE] = default_rotation_postprocessor_func };
