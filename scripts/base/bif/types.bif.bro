##! Enum types the core defines for its records.

module Tunnel;

export {
	## The kinds of tunnel a connection may be carried in.
	type Type: enum {
		NONE,	##< Not a tunnel.
		IP,	##< IP in IP (IPv4 or IPv6 inside IPv4 or IPv6).
		AYIYA,	##< AYIYA, "anything in anything".
		TEREDO,	##< Teredo, IPv6 over UDP.
		SOCKS,	##< A SOCKS proxy.
		GTPv1,	##< GPRS tunnelling, version 1.
		HTTP,	##< An HTTP CONNECT proxy.
		GRE,	##< Generic routing encapsulation.
		VXLAN,	##< Virtual extensible LAN.
	};
}

module GLOBAL;
