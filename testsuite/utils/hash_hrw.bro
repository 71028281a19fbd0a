# Rendezvous hashing: adding and removing sites; every key goes to a
# site of the pool, and removing a site moves only the keys it had.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/hash_hrw

event bro_init()
	{
	local pool: HashHRW::Pool;
	print HashHRW::add_site(pool, [$id=1, $user_data="alpha"]),
	      HashHRW::add_site(pool, [$id=2, $user_data="beta"]),
	      HashHRW::add_site(pool, [$id=3]),
	      HashHRW::add_site(pool, [$id=1]);
	print |pool$sites|;

	local one: HashHRW::Pool;
	HashHRW::add_site(one, [$id=7, $user_data="only"]);
	print HashHRW::get_site(one, "a key")$id, HashHRW::get_site(one, 42)$user_data;

	local keys = vector("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
	local in_pool = 0;
	local moved = 0;
	local orphans = 0;

	for ( i in keys )
		{
		local before = HashHRW::get_site(pool, keys[i])$id;
		if ( before in pool$sites )
			++in_pool;

		# A pool without one site other than the chosen one.
		local other = before == 3 ? 2 : 3;
		local rest = HashHRW::Pool();
		for ( id in pool$sites )
			if ( id != other )
				HashHRW::add_site(rest, pool$sites[id]);

		if ( HashHRW::get_site(rest, keys[i])$id != before )
			++moved;

		# A pool without the chosen site.
		local without = HashHRW::Pool();
		for ( id in pool$sites )
			if ( id != before )
				HashHRW::add_site(without, pool$sites[id]);

		if ( HashHRW::get_site(without, keys[i])$id == before )
			++orphans;
		}

	print in_pool, moved, orphans;
	print HashHRW::rem_site(pool, [$id=3]), HashHRW::rem_site(pool, [$id=3]), |pool$sites|;
	}
