##! Directions of connections and kinds of hosts, relative to the local
##! networks of base/utils/site.

@load ./site

## Which way a connection goes relative to the local networks.
type Direction: enum {
	## From outside the local networks to a local host.
	INBOUND,
	## From a local host to outside the local networks.
	OUTBOUND,
	## Either way: exactly one side is local.
	BIDIRECTIONAL,
	## No connection goes this way.
	NO_DIRECTION
};

## Tells whether a connection goes in a given direction.
##
## id: the connection's addresses and ports.
##
## d: the direction.
##
## Returns: T if the connection's local and remote sides fit *d*.
function id_matches_direction(id: conn_id, d: Direction): bool
	{
	if ( d == NO_DIRECTION )
		return F;

	local orig_local = Site::is_local_addr(id$orig_h);
	local resp_local = Site::is_local_addr(id$resp_h);

	switch ( d ) {
	case INBOUND:
		return resp_local && ! orig_local;
	case OUTBOUND:
		return orig_local && ! resp_local;
	case BIDIRECTIONAL:
		return orig_local != resp_local;
	}

	return F;
	}

## Kinds of hosts, relative to the local networks.
type Host: enum {
	## A host in the local networks.
	LOCAL_HOSTS,
	## A host outside the local networks.
	REMOTE_HOSTS,
	## Every host.
	ALL_HOSTS,
	## No host.
	NO_HOSTS
};

## Tells whether an address is a host of a given kind.
##
## ip: the host's address.
##
## h: the kind of host.
##
## Returns: T if the address is of that kind.
function addr_matches_host(ip: addr, h: Host): bool
	{
	switch ( h ) {
	case ALL_HOSTS:
		return T;
	case LOCAL_HOSTS:
		return Site::is_local_addr(ip);
	case REMOTE_HOSTS:
		return ! Site::is_local_addr(ip);
	}

	return F;
	}
