-- 200,000 string.format calls, each result matched against a pattern.
local function main()
	local n = 0
	local i = 0
	while i < 200000 do
		local s = string.format("host-%d.example.com", i)
		if string.find(s, "%-%d*7%.example") then
			n = n + 1
		end
		i = i + 1
	end
	print(n)
end

main()
