-- 300,000 table inserts, then as many lookups, with keys built by "..".
local function main()
	local t = {}
	local n = 0
	local i = 0
	while i < 300000 do
		t["key" .. i] = i
		n = n + 1
		i = i + 1
	end
	local sum = 0
	i = 0
	while i < 300000 do
		sum = sum + t["key" .. i]
		i = i + 1
	end
	print(n, sum)
end

main()
