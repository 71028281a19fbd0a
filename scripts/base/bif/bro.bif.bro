##! Declarations of the general-purpose built-in functions of Bro 2.6's
##! bro.bif, implemented in Go under builtins/.

# ---------------------------------------------------------------------
# Formatting

## Concatenates the raw renderings of its arguments: ``cat("foo", 3, T)``
## returns ``"foo3T"``.
global cat: function(va_args: any): string;

## Like cat, with *sep* between the arguments; an argument that is the
## empty string is replaced by *def*.
global cat_sep: function(sep: string, def: string, va_args: any): string;

## Formats its arguments printf-style. Directives: ``%%``, then optional
## ``-`` (left-align), a field width and a ``.precision`` (both below 128),
## then one of ``D`` and ``T`` (times), ``d`` and ``x`` (integral values,
## ``x`` also addresses), ``s`` (any value), ``e``, ``f``, ``g`` (doubles).
global fmt: function(va_args: any): string;

# ---------------------------------------------------------------------
# Conversion

## Converts a string to an int; what does not parse gives 0.
global to_int: function(str: string): int;

## Converts a non-negative int to a count; a negative one gives 0 and an
## error.
global int_to_count: function(n: int): count;

## Rounds a double to a count; a negative one gives an error.
global double_to_count: function(d: double): count;

## Converts a string to a count; an invalid one gives 0 and an error.
global to_count: function(str: string): count;

## Converts an interval to a double (seconds).
global interval_to_double: function(i: interval): double;

## Converts a time to a double (seconds since the epoch).
global time_to_double: function(t: time): double;

## Converts a double (seconds since the epoch) to a time.
global double_to_time: function(d: double): time;

## Converts a double (seconds) to an interval.
global double_to_interval: function(d: double): interval;

## Returns a port's number.
global port_to_count: function(p: port): count;

## Makes a port from a number and a transport protocol.
global count_to_port: function(num: count, proto: transport_proto): port;

## Converts a string to an address; an invalid one gives ``::`` and an
## error.
global to_addr: function(ip: string): addr;

## Converts a string to a subnet; an invalid one gives ``::/0`` and an
## error.
global to_subnet: function(sn: string): subnet;

## Returns the subnet holding exactly the address *a*.
global addr_to_subnet: function(a: addr): subnet;

## Returns a subnet's prefix address.
global subnet_to_addr: function(sn: subnet): addr;

## Returns a subnet's width in bits.
global subnet_width: function(sn: subnet): count;

## Converts a string to a double; an invalid one gives 0 and an error.
global to_double: function(str: string): double;

## Converts a count below 2^32 to an IPv4 address.
global count_to_v4_addr: function(ip: count): addr;

## Reads the first four bytes of *b* as an IPv4 address in network order.
global raw_bytes_to_v4_addr: function(b: string): addr;

## Converts a string such as ``"80/tcp"`` to a port.
global to_port: function(s: string): port;

## Reads an 8-byte string as a double in network byte order.
global bytestring_to_double: function(s: string): double;

## Reads a 1, 2, 4 or 8-byte string as a count, big-endian unless *is_le*.
global bytestring_to_count: function(s: string, is_le: bool &default=F): count;

## Converts a reverse pointer name (``1.0.168.192.in-addr.arpa`` or the
## ``ip6.arpa`` form) to an address.
global ptr_name_to_addr: function(s: string): addr;

## Converts an address to its reverse pointer name.
global addr_to_ptr_name: function(a: addr): string;

## Writes each byte of *bytestring* as two lower-case hex digits.
global bytestring_to_hexstr: function(bytestring: string): string;

## Converts a string of hex digit pairs to the bytes they stand for.
global hexstr_to_bytestring: function(hexstr: string): string;

## Encodes a string in Base64, with the alphabet *a* if it is not empty.
global encode_base64: function(s: string, a: string &default=""): string;

## Encodes a string in Base64 with a custom alphabet.
global encode_base64_custom: function(s: string, a: string): string &deprecated;

## Decodes a Base64 string, with the alphabet *a* if it is not empty.
global decode_base64: function(s: string, a: string &default=""): string;

## Decodes a Base64 string with a custom alphabet.
global decode_base64_custom: function(s: string, a: string): string &deprecated;

## Writes 16 bytes as a UUID: ``550e8400-e29b-41d4-a716-446655440000``.
global uuid_to_string: function(uuid: string): string;

## Formats a time with a strftime(3) format, in the local time zone.
global strftime: function(fmt: string, d: time): string;

## Parses a time with a strptime(3) format, in the local time zone.
global strptime: function(fmt: string, d: string): time;

## Masks an address down to its top bits, giving a subnet.
global mask_addr: function(a: addr, top_bits_to_keep: count): subnet;

## Takes the top bits of *a1* and the remaining bits of *a2*.
global remask_addr: function(a1: addr, a2: addr, top_bits_from_a1: count): addr;

## Tells whether a port is a TCP port.
global is_tcp_port: function(p: port): bool;

## Tells whether a port is a UDP port.
global is_udp_port: function(p: port): bool;

## Tells whether a port is an ICMP port.
global is_icmp_port: function(p: port): bool;

## Returns a port's transport protocol.
global get_port_transport_proto: function(p: port): transport_proto;

## Tells whether an address is IPv4.
global is_v4_addr: function(a: addr): bool;

## Tells whether an address is IPv6.
global is_v6_addr: function(a: addr): bool;

## Tells whether a subnet is IPv4.
global is_v4_subnet: function(s: subnet): bool;

## Tells whether a subnet is IPv6.
global is_v6_subnet: function(s: subnet): bool;

## Splits an address into host-order 32-bit counts: one for IPv4, four
## for IPv6.
global addr_to_counts: function(a: addr): index_vec;

## Builds an address from one (IPv4) or four (IPv6) host-order counts.
global counts_to_addr: function(v: index_vec): addr;

# ---------------------------------------------------------------------
# Math

## Returns the greatest integer not above *d*, as a double.
global floor: function(d: double): double;

## Returns the square root of *x*; a negative *x* gives an error and -1.
global sqrt: function(x: double): double;

## Returns e to the power of *d*.
global exp: function(d: double): double;

## Returns the natural logarithm of *d*.
global ln: function(d: double): double;

## Returns the common logarithm of *d*.
global log10: function(d: double): double;

## Returns the great-circle distance in miles between two points given
## by latitude and longitude in degrees.
global haversine_distance: function(lat1: double, long1: double, lat2: double, long2: double): double;

# ---------------------------------------------------------------------
# Patterns

## Returns a pattern matching what either pattern matches.
global merge_pattern: function(p1: pattern, p2: pattern): pattern;

## Escapes the characters that are special in patterns with a backslash.
global convert_for_pattern: function(s: string): string;

## Makes a pattern of a string, escaping it first if *convert*.
global string_to_pattern: function(s: string, convert: bool): pattern;

# ---------------------------------------------------------------------
# Hashing and identifiers

## Returns the MD5 digest (hex) of its arguments' bytes.
global md5_hash: function(va_args: any): string;

## Returns the SHA1 digest (hex) of its arguments' bytes.
global sha1_hash: function(va_args: any): string;

## Returns the SHA256 digest (hex) of its arguments' bytes.
global sha256_hash: function(va_args: any): string;

## Returns a keyed MD5 digest of its arguments, with a key secret to the
## process.
global md5_hmac: function(va_args: any): string;

## Starts an incremental MD5 computation.
global md5_hash_init: function(): opaque of md5;

## Starts an incremental SHA1 computation.
global sha1_hash_init: function(): opaque of sha1;

## Starts an incremental SHA256 computation.
global sha256_hash_init: function(): opaque of sha256;

## Adds data to an incremental MD5 computation.
global md5_hash_update: function(handle: opaque of md5, data: string): bool;

## Adds data to an incremental SHA1 computation.
global sha1_hash_update: function(handle: opaque of sha1, data: string): bool;

## Adds data to an incremental SHA256 computation.
global sha256_hash_update: function(handle: opaque of sha256, data: string): bool;

## Ends an incremental MD5 computation, returning the digest.
global md5_hash_finish: function(handle: opaque of md5): string;

## Ends an incremental SHA1 computation, returning the digest.
global sha1_hash_finish: function(handle: opaque of sha1): string;

## Ends an incremental SHA256 computation, returning the digest.
global sha256_hash_finish: function(handle: opaque of sha256): string;

## Returns the 32-bit FNV-1a digest of a value.
global fnv1a32: function(input: any): count;

## Returns the rendezvous-hashing weight of a key digest for a site.
global hrw_weight: function(key_digest: count, site_id: count): count;

## Returns a random number in [0, max).
global rand: function(max: count): count;

## Seeds rand.
global srand: function(seed: count): any;

## Returns an identifier unique with high probability, after *prefix*.
global unique_id: function(prefix: string): string;

## Returns an identifier unique with high probability from the pool
## *pool*, after *prefix*.
global unique_id_from: function(pool: int, prefix: string): string;

# ---------------------------------------------------------------------
# Files and directories

## Opens a file for writing, truncating it; "-" is standard output.
global open: function(f: string): file;

## Raised when a script opens a file with open or open_for_append, before
## anything is written to it; the handlers run at once, inside the call.
global file_opened: event(f: file);

## Opens a file for appending.
global open_for_append: function(f: string): file;

## Closes a file.
global close: function(f: file): bool;

## Writes data to a file.
global write_file: function(f: file, data: string): bool;

## Sets whether a file is fully buffered or line buffered.
global set_buf: function(f: file, buffered: bool): any;

## Flushes all open files.
global flush_all: function(): bool;

## Creates a directory; one that exists already is fine.
global mkdir: function(f: string): bool;

## Removes an empty directory.
global rmdir: function(d: string): bool;

## Removes a file.
global unlink: function(f: string): bool;

## Renames a file.
global rename: function(src_f: string, dst_f: string): bool;

## Tells whether a file is open.
global active_file: function(f: file): bool;

## Returns the name a file was opened with.
global get_file_name: function(f: file): string;

## Returns a file's size in bytes, or -1.
global file_size: function(f: string): double;

## Makes later prints to the file write values without escaping.
global enable_raw_output: function(f: file): any;

# ---------------------------------------------------------------------
# The old communication system, deprecated in Bro 2.6 for Broker. gobro
# has no such system: the functions exist so that scripts naming them
# load, but a script that calls one (other than enable_communication and
# get_local_event_peer) stops at start unless old_comm_usage_is_ok is set;
# then they do nothing and report failure.

global enable_communication: function(): any &deprecated;
global connect: function(ip: addr, zone_id: string, p: port, our_class: string, retry: interval, ssl: bool): count &deprecated;
global disconnect: function(p: event_peer): bool &deprecated;
global request_remote_events: function(p: event_peer, handlers: pattern): bool &deprecated;
global request_remote_sync: function(p: event_peer, auth: bool): bool &deprecated;
global request_remote_logs: function(p: event_peer): bool &deprecated;
global set_accept_state: function(p: event_peer, accept: bool): bool &deprecated;
global set_compression_level: function(p: event_peer, level: count): bool &deprecated;
global listen: function(ip: addr, p: port, ssl: bool, ipv6: bool, zone_id: string, retry_interval: interval): bool &deprecated;
global send_id: function(p: event_peer, id: string): bool &deprecated;
global terminate_communication: function(): bool &deprecated;
global complete_handshake: function(p: event_peer): bool &deprecated;
global send_ping: function(p: event_peer, seq: count): bool &deprecated;
global send_current_packet: function(p: event_peer): bool &deprecated;
global get_event_peer: function(): event_peer &deprecated;
global get_local_event_peer: function(): event_peer &deprecated;
global send_capture_filter: function(p: event_peer, s: string): bool &deprecated;
global suspend_state_updates: function(): any &deprecated;
global resume_state_updates: function(): any &deprecated;
