##! broker.log: what happened to this endpoint's peerings, and the errors
##! Broker reported.

@load ./main

module Broker;

export {
	## The stream of broker.log.
	redef enum Log::ID += { LOG };

	## Whether a line reports a change of status or an error.
	type Type: enum {
		## A peering changed.
		STATUS,
		## Something went wrong.
		ERROR
	};

	## The columns of broker.log.
	type Info: record {
		## When it happened (network time).
		ts:                  time   &log;
		## Status or error.
		ty:                  Type &log;
		## What happened.
		ev:                  string &log;
		## The peer concerned, if any.
		peer:                NetworkInfo &log &optional;
		## More about it.
		message:             string &log &optional;
	};
}

event bro_init() &priority=5
	{
	Log::create_stream(Broker::LOG, [$columns=Info, $path="broker"]);
	}

# Writes a status line for event *ev* about *endpoint*.
function log_status(ev: string, endpoint: EndpointInfo, msg: string)
	{
	local r: Info;

	r = [$ts = network_time(),
	     $ev = ev,
	     $ty = STATUS,
	     $message = msg];

	if ( endpoint?$network )
		r$peer = endpoint$network;

	Log::write(Broker::LOG, r);
	}

event Broker::peer_added(endpoint: EndpointInfo, msg: string)
	{
	log_status("peer-added", endpoint, msg);
	}

event Broker::peer_removed(endpoint: EndpointInfo, msg: string)
	{
	log_status("peer-removed", endpoint, msg);
	}

event Broker::peer_lost(endpoint: EndpointInfo, msg: string)
	{
	log_status("connection-terminated", endpoint, msg);
	}

event Broker::error(code: ErrorCode, msg: string)
	{
	# The code's name without its module, in lower case with dashes:
	# Broker::PEER_UNAVAILABLE is "peer-unavailable".
	local ev = to_lower(subst_string(subst_string(cat(code), "Broker::", ""), "_", "-"));

	Log::write(Broker::LOG, [$ts = network_time(),
	           $ev = ev,
	           $ty = ERROR,
	           $message = msg]);
	}
