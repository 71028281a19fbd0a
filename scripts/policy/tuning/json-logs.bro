##! Loading this script makes every ASCII log be written as JSON, one
##! object per line, unless a filter's $config says otherwise.

redef LogAscii::use_json = T;
