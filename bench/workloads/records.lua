-- 200,000 records (tables) appended to an array, then summed.
local function main()
	local v = {}
	local i = 0
	while i < 200000 do
		v[#v + 1] = {id = i, name = "rec"}
		i = i + 1
	end
	local sum = 0
	for j = 1, #v do
		sum = sum + v[j].id
	end
	print(#v, sum)
end

main()
