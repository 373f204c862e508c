-module(fmt_strings).
-export([main/0]).
% string and character directives: widths, truncation, padding characters
main() ->
    io:format("[~s] [~10s] [~-10s] [~.3s] [~10.2s]~n", ["abc", "abc", <<"abc">>, "abcdef", abc]),
    io:format("[~c] [~3c] [~-3c|] [~.5c] [~5.2c]~n", [$a, $b, $c, $d, $e]),
    io:format("[~s] [~s] [~10.3.*s]~n", [[$a, ["bc", <<"de">>]], "", $., "xyzw"]),
    io:format("~~ ~i[~n]~n", [ignored]).
