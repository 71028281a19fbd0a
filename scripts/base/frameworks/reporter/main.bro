##! The reporter's messages (informational messages, warnings and errors,
##! from the core or from scripts through Reporter::info and its kin)
##! logged to reporter.log.

module Reporter;

export {
	## The reporter's log stream.
	redef enum Log::ID += { LOG };

	## How serious a message is.
	type Level: enum {
		## Informational; nothing needs doing.
		INFO,
		## A potential problem.
		WARNING,
		## An error that did not end the process.
		ERROR,
	};

	## A row of reporter.log.
	type Info: record {
		## When the message was issued (network time; 0 before any
		## packet has been seen).
		ts:       time   &log;
		## Its level.
		level:    Level  &log;
		## The message.
		message:  string &log;
		## Where in a script it was issued, when it comes from one.
		location: string &log &optional;
	};
}

event bro_init() &priority=5
	{
	Log::create_stream(Reporter::LOG, [$columns=Info, $path="reporter"]);
	}

event reporter_info(t: time, msg: string, location: string) &priority=-5
	{
	Log::write(Reporter::LOG, [$ts=t, $level=INFO, $message=msg, $location=location]);
	}

event reporter_warning(t: time, msg: string, location: string) &priority=-5
	{
	Log::write(Reporter::LOG, [$ts=t, $level=WARNING, $message=msg, $location=location]);
	}

event reporter_error(t: time, msg: string, location: string) &priority=-5
	{
	Log::write(Reporter::LOG, [$ts=t, $level=ERROR, $message=msg, $location=location]);
	}
