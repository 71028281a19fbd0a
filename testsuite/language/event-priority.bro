# Handlers of one event run highest &priority first, ties in load order;
# events raised by handlers run after the current event's handlers.
# @TEST-EXEC: bro -b %INPUT >out
# @TEST-EXEC: btest-diff out

global ev: event(n: count);

event ev(n: count) { print "ev", n; }

event bro_init() &priority=-10 { print "init -10"; }
event bro_init() { print "init 0 first"; event ev(1); }
event bro_init() { print "init 0 second"; }
event bro_init() &priority=10 { print "init 10"; event ev(2); }

event bro_done() { print "done"; }
