# record_type_to_vector() numbers fields from 1, leaving 0 empty;
# enum_to_int(), lookup_ID(), clear_table(), same_object(), global_ids().
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>errors
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: btest-diff errors

type color: enum { Red, Blue, Green = 10 };

type myrecord: record {
	c: count;
	s: string;
};

global answer = 42;
const fixed = "fixed" &redef;
option opt = 5;
global never_set: string;
global tab: table[count] of string;
global other: table[count] of string;

event bro_init()
	{
	print record_type_to_vector("myrecord");
	print |record_type_to_vector("myrecord")|;
	print record_type_to_vector("color");
	print enum_to_int(Red), enum_to_int(Blue), enum_to_int(Green);
	print enum_to_int("Red");

	print lookup_ID("answer"), lookup_ID("fixed"), lookup_ID("no_such_id"), lookup_ID("never_set");
	print type_name(lookup_ID("answer"));

	tab[1] = "one"; tab[2] = "two";
	print |tab|;
	clear_table(tab);
	print |tab|, tab;
	clear_table(answer);

	print same_object(tab, tab), same_object(tab, other);

	local ids = global_ids();
	print ids["answer"]$type_name, ids["answer"]$constant, ids["answer"]$redefinable, ids["answer"]$option_value;
	print ids["fixed"]$constant, ids["fixed"]$redefinable;
	print ids["opt"]$option_value;
	print ids["Blue"]$type_name, ids["Blue"]$enum_constant;
	print ids["tab"]$type_name, ids["myrecord"]$type_name, ids["bro_init"]$type_name;
	print ids["never_set"]?$value, ids["answer"]?$value;
	print val_size(answer) > 0, val_size(tab) > 0;
	print global_sizes()["answer"] > 0, "never_set" in global_sizes();
	}
