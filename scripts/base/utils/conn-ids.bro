##! Connection ids written out as text.

module GLOBAL;

export {
	## Writes a connection id with the data flowing from the originator
	## on the left to the responder on the right: "1.2.3.4:1234 >
	## 5.6.7.8:80".
	global id_string: function(id: conn_id): string;

	## Writes a connection id the other way round, the responder's side
	## sending: "1.2.3.4:1234 < 5.6.7.8:80".
	global reverse_id_string: function(id: conn_id): string;

	## Writes a connection id with id_string if *is_orig* is T, with
	## reverse_id_string if it is F.
	global directed_id_string: function(id: conn_id, is_orig: bool): string;
}

function id_string(id: conn_id): string
	{
	return fmt("%s:%d > %s:%d", id$orig_h, id$orig_p, id$resp_h, id$resp_p);
	}

function reverse_id_string(id: conn_id): string
	{
	return fmt("%s:%d < %s:%d", id$orig_h, id$orig_p, id$resp_h, id$resp_p);
	}

function directed_id_string(id: conn_id, is_orig: bool): string
	{
	if ( is_orig )
		return id_string(id);

	return reverse_id_string(id);
	}
