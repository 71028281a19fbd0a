##! The control framework: a controller process asks a running node for a
##! global's value, its peers, its packet counters, to take a new
##! configuration, or to shut down (BroControl's print, peerstatus,
##! netstats, update and stop). The controllee side is in
##! policy/frameworks/control/controllee, the controller side in
##! policy/frameworks/control/controller.

module Control;

export {
	## The prefix of the topics of control messages.
	const topic_prefix = "bro/control";

	## Whether a controllee listens for controllers (on Broker's default
	## address and port).
	const controllee_listen = T &redef;

	## The address of the node a controller controls.
	const host = 0.0.0.0 &redef;

	## The port of the node a controller controls.
	const host_port = 0/tcp &redef;

	## The zone of a non-global IPv6 :bro:id:`Control::host`.
	const zone_id = "" &redef;

	## The command a controller sends (one of
	## :bro:id:`Control::commands`).
	const cmd = "" &redef;

	## The command's argument, if it takes one.
	const arg = "" &redef;

	## The commands there are.
	const commands: set[string] = {
		"id_value",
		"peer_status",
		"net_stats",
		"configuration_update",
		"shutdown",
	} &redef;

	## Globals that configuration_update does not send.
	const ignore_ids: set[string] = { };

	## Asks for the value of global *id*.
	global id_value_request: event(id: string);
	## The value of global *id*, as fmt("%s") writes it.
	global id_value_response: event(id: string, val: string);

	## Asks for the node's peers.
	global peer_status_request: event();
	## One line per peer.
	global peer_status_response: event(s: string);

	## Asks for the node's packet counters.
	global net_stats_request: event();
	## The packet counters.
	global net_stats_response: event(s: string);

	## Tells the node that new values of its &redef constants follow.
	global configuration_update_request: event();
	## Raised on the node when its configuration was updated.
	global configuration_update: event();
	## The node has taken the new configuration.
	global configuration_update_response: event();

	## Asks the node to shut down.
	global shutdown_request: event();
	## The node is shutting down.
	global shutdown_response: event();
}

event terminate_event()
	{
	terminate();
	}
