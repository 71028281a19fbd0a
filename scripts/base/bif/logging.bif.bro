##! The internal functions of the logging framework, implemented in Go.
##! Scripts use the Log:: functions of base/frameworks/logging instead.

module Log;

## Creates a stream; see Log::create_stream.
global __create_stream: function(id: Log::ID, stream: Log::Stream) : bool;

## Removes a stream, closing its writers; see Log::remove_stream.
global __remove_stream: function(id: Log::ID) : bool;

## Enables a stream; see Log::enable_stream.
global __enable_stream: function(id: Log::ID) : bool;

## Disables a stream; see Log::disable_stream.
global __disable_stream: function(id: Log::ID) : bool;

## Adds a filter to a stream; see Log::add_filter.
global __add_filter: function(id: Log::ID, filter: Log::Filter) : bool;

## Removes a filter from a stream; see Log::remove_filter.
global __remove_filter: function(id: Log::ID, name: string) : bool;

## Writes a record to a stream; see Log::write.
global __write: function(id: Log::ID, columns: any) : bool;

## Turns buffering of a stream's writers on or off; see Log::set_buf.
global __set_buf: function(id: Log::ID, buffered: bool) : bool;

## Flushes a stream's writers; see Log::flush.
global __flush: function(id: Log::ID) : bool;

## The default path of a stream: its ID's module in lower case, with an
## underscore where a lower-case letter is followed by a capitalised word
## ("PacketFilter::LOG" gives "packet_filter"), followed by "_" and the
## rest of the ID's name without a trailing "_LOG" when that is not just
## "LOG" ("Known::HOSTS_LOG" gives "known_hosts").
global __default_path: function(id: Log::ID) : string;
