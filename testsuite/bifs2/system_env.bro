# system_env() exports each entry as BRO_ARG_<KEY> (key upper-cased) for
# the command only.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: sleep 1
# @TEST-EXEC: cat env.out >>output
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local env: table_string_of_string;
	env["name"] = "value one";
	env["Mixed_Case"] = "2";
	print system_env("echo \"$BRO_ARG_NAME|$BRO_ARG_MIXED_CASE|$BRO_ARG_name\" >env.out", env);
	print getenv("BRO_ARG_NAME") == "";
	}
