-- A 3-million-iteration while loop of number arithmetic.
local function main()
	local i = 0
	local sum = 0
	while i < 3000000 do
		sum = sum + i % 7 * 3
		i = i + 1
	end
	print(sum)
end

main()
