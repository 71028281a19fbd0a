# -G FILE (--load-seeds) reads the seeds as BRO_SEED_FILE does, -H FILE
# (--save-seeds) writes them as Bro does (the seed, then the twenty
# words, one decimal number a line), and a seed file that cannot be read
# is fatal. The order is the first set's of containers/order-types.bro.
# @TEST-EXEC: cp "$BRO_SEED_FILE" seeds && BRO_SEED_FILE= bro -b -G seeds %INPUT >out 2>&1
# @TEST-EXEC: BRO_SEED_FILE= bro -b --load-seeds=seeds -H saved %INPUT >>out 2>&1 && cmp seeds saved && echo saved the seeds read >>out
# @TEST-EXEC: BRO_SEED_FILE=missing bro -b %INPUT >>out 2>/dev/null || echo "exit status $?" >>out
# @TEST-EXEC: BRO_SEED_FILE= bro -b -H fresh %INPUT >/dev/null && wc -l <fresh >>out
# @TEST-EXEC: btest-diff out

event bro_init()
	{
	local s = "";
	for ( k in set(1, 2, 3, 5, 8, 13, 21, 34, 55, 89) )
		s = s == "" ? cat(k) : cat(s, " ", k);
	print s;
	}
