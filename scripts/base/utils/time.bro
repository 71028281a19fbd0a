##! Writing intervals for people.

## Writes an interval as whole minutes and seconds, as in "3m34s"
## (fractions of a second are dropped).
##
## dur: the interval.
##
## Returns: the minutes and seconds.
function duration_to_mins_secs(dur: interval): string
	{
	local secs = double_to_count(interval_to_double(dur));
	return fmt("%dm%ds", secs / 60, secs % 60);
	}
