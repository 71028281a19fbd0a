##! Types the logging framework needs before it loads: in Bro 2.6 the
##! writer enum comes from the writer plugins and the timestamp format and
##! rotation base time from init-bare.bro.

## Base time of log rotations in 24-hour time format (``%H:%M``), e.g.
## "12:00"; rotation intervals are counted from it.
const log_rotate_base_time = "0:00" &redef;

module Log;

export {
	## The log writers: where a filter sends its rows.
	type Writer: enum {
		## Tab-separated (or JSON) text files, see the LogAscii:: options.
		WRITER_ASCII,
		## Discards everything.
		WRITER_NONE,
		## SQLite databases; not available in gobro.
		WRITER_SQLITE,
	};
}

module JSON;

export {
	## How JSON output writes values of type time.
	type TimestampFormat: enum {
		## Seconds since the epoch, as a double.
		TS_EPOCH,
		## Whole milliseconds since the epoch.
		TS_MILLIS,
		## ISO 8601, with microseconds: "2011-03-18T19:06:08.123456Z".
		TS_ISO8601,
	};
}
