##! Noticing when a counter passes one of several thresholds, such as the
##! 10th and the 100th time something happens but none in between: keep a
##! TrackCount, raise its n, and ask check_threshold after each step.

module GLOBAL;

export {
	## A counter and how far through its thresholds it is.
	type TrackCount: record {
		## How many times the counted thing has happened.
		n:     count &default=0;
		## The position in the threshold vector of the next threshold
		## to watch for.
		index: count &default=0;
	};

	## The thresholds default_check_threshold uses.
	const default_notice_thresholds: vector of count = {
		30, 100, 1000, 10000, 100000, 1000000, 10000000,
	} &redef;

	## Tells whether a counter has reached the next of a vector of
	## thresholds; if it has, moves it on to the one after.
	##
	## v: the thresholds, in increasing order.
	##
	## tracker: the counter.
	##
	## Returns: T if a threshold was crossed.
	global check_threshold: function(v: vector of count, tracker: TrackCount): bool;

	## check_threshold with default_notice_thresholds.
	global default_check_threshold: function(tracker: TrackCount): bool;
}

## Returns a TrackCount at zero.
function new_track_count(): TrackCount
	{
	local tc: TrackCount;
	return tc;
	}

function check_threshold(v: vector of count, tracker: TrackCount): bool
	{
	if ( tracker$index > |v| || tracker$n < v[tracker$index] )
		return F;

	++tracker$index;
	return T;
	}

function default_check_threshold(tracker: TrackCount): bool
	{
	return check_threshold(default_notice_thresholds, tracker);
	}
