##! Highest random weight (rendezvous) hashing: each key goes to the site
##! of a pool that weighs highest for it, so that adding or removing a
##! site moves only the keys of that site.

module HashHRW;

export {
	## A place keys may be assigned to.
	type Site: record {
		## The site's identifier; it should fit in 32 bits.
		id: count;
		## Anything the user wants to keep with the site.
		user_data: any &optional;
	};

	## Sites by their id.
	type SiteTable: table[count] of Site;

	## The sites keys are spread over.
	type Pool: record {
		sites: SiteTable &default=SiteTable();
	};

	## Adds a site to a pool.
	##
	## Returns: F if a site with its id is in the pool already, else T.
	global add_site: function(pool: Pool, site: Site): bool;

	## Removes a site from a pool.
	##
	## Returns: F if no site with its id is in the pool, else T.
	global rem_site: function(pool: Pool, site: Site): bool;

	## Returns: the site of the pool that *key* goes to.
	global get_site: function(pool: Pool, key: any): Site;
}

function add_site(pool: Pool, site: Site): bool
	{
	if ( site$id in pool$sites )
		return F;

	pool$sites[site$id] = site;
	return T;
	}

function rem_site(pool: Pool, site: Site): bool
	{
	if ( site$id !in pool$sites )
		return F;

	delete pool$sites[site$id];
	return T;
	}

function get_site(pool: Pool, key: any): Site
	{
	local digest = fnv1a32(key);
	local best_id = 0;
	local best_weight = -1;

	for ( id in pool$sites )
		{
		local w = hrw_weight(digest, id);

		# Ties go to the higher id.
		if ( w > best_weight || (w == best_weight && id > best_id) )
			{
			best_weight = w;
			best_id = id;
			}
		}

	return pool$sites[best_id];
	}
