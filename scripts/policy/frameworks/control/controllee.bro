##! Makes this node controllable: it listens for controllers and answers
##! the requests of the control framework.

@load base/frameworks/control
@load base/frameworks/broker

module Control;

event bro_init() &priority=-10
	{
	Broker::subscribe(Control::topic_prefix + "/" + Broker::node_id());
	Broker::auto_publish(Control::topic_prefix + "/id_value_response",
	                     Control::id_value_response);
	Broker::auto_publish(Control::topic_prefix + "/peer_status_response",
	                     Control::peer_status_response);
	Broker::auto_publish(Control::topic_prefix + "/net_stats_response",
	                     Control::net_stats_response);
	Broker::auto_publish(Control::topic_prefix + "/configuration_update_response",
	                     Control::configuration_update_response);
	Broker::auto_publish(Control::topic_prefix + "/shutdown_response",
	                     Control::shutdown_response);

	if ( Control::controllee_listen )
		Broker::listen();
	}

event Control::id_value_request(id: string)
	{
	event Control::id_value_response(id, fmt("%s", lookup_ID(id)));
	}

event Control::peer_status_request()
	{
	local status = "";
	local peers = Broker::peers();

	for ( i in peers )
		{
		local p = peers[i];
		status += fmt("%.6f peer=%s host=%s status=%s\n",
		              network_time(), p$peer$id, p$peer$network$address,
		              p$status);
		}

	event Control::peer_status_response(status);
	}

event Control::net_stats_request()
	{
	local ns = get_net_stats();
	event Control::net_stats_response(fmt("%.6f recvd=%d dropped=%d link=%d\n",
	                                      network_time(), ns$pkts_recvd,
	                                      ns$pkts_dropped, ns$pkts_link));
	}

event Control::configuration_update_request()
	{
	# The new values have arrived already (published before the request);
	# scripts that derive state from &redef constants handle this event.
	event Control::configuration_update();
	event Control::configuration_update_response();
	}

event Control::shutdown_request()
	{
	event Control::shutdown_response();
	# A second for the response to leave before the node goes.
	schedule 1sec { terminate_event() };
	}
