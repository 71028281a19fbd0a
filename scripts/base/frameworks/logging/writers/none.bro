##! The writer that discards everything, for streams whose rows are only
##! wanted through their event or a filter's side effects.

module LogNone;

function default_rotation_postprocessor_func(info: Log::RotationInfo) : bool
	{
	return T;
	}

redef Log::default_rotation_postprocessors += { [Log::WRITER_NONE] = default_rotation_postprocessor_func };
