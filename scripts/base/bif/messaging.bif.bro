##! The builtins behind Broker's messaging API (Bro 2.6's messaging.bif).

module Broker;

export {
	## Makes an event value to publish with :bro:see:`Broker::publish`: an
	## event, then the arguments to call it with.
	global Broker::make_event: function(va_args: any): Broker::Event;

	## Publishes an event under *topic*: either a value made by
	## :bro:see:`Broker::make_event`, or an event followed by its arguments.
	##
	## Returns: true if the message is sent.
	global Broker::publish: function(topic: string, va_args: any): bool;

	global Broker::__flush_logs: function(): count;
	global Broker::__publish_id: function(topic: string, id: string): bool;
	global Broker::__auto_publish: function(topic: string, ev: any): bool;
	global Broker::__auto_unpublish: function(topic: string, ev: any): bool;
	global Broker::__subscribe: function(topic_prefix: string): bool;
	global Broker::__forward: function(topic_prefix: string): bool;
	global Broker::__unsubscribe: function(topic_prefix: string): bool;
}

module GLOBAL;
