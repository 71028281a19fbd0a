# Top-k counters: evicting the least seen, counts and their possible
# overestimates, sums, merges with and without pruning.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local k1 = topk_init(2);
	topk_add(k1, "a");
	topk_add(k1, "b");
	topk_add(k1, "b");
	topk_add(k1, "c");
	print topk_get_top(k1, 5);
	print topk_count(k1, "b"), topk_epsilon(k1, "b"), topk_count(k1, "c"), topk_epsilon(k1, "c");
	print topk_sum(k1), topk_size(k1);
	print topk_count(k1, "a");
	topk_add(k1, 5);
	local k3 = topk_init(2);
	topk_add(k3, "b");
	topk_merge(k3, k1);
	print topk_get_top(k3, 1), topk_sum(k3), topk_count(k3, "c"), topk_epsilon(k3, "c");
	local k4 = topk_init(1);
	topk_add(k4, "x");
	topk_merge_prune(k4, k3);
	print topk_get_top(k4, 3);
	print topk_sum(k4);
	}
