-module(string_functions).
-export([main/0]).
% the string module on plain character lists
main() ->
    {string:split("a,b,,c", ","), string:split("a,b,,c", ",", all), string:split("a,b,,c", ",", trailing),
     string:trim("  x y  "), string:trim("xxhixx", both, "x"), string:trim("  x  ", leading),
     string:to_upper("MiXed1"), string:lowercase("MiXed1"), string:length("hello"),
     string:slice("hello", 1, 3), string:slice("hello", 3), lists:flatten(string:join(["a", "b", "c"], ", ")),
     string:is_empty(""), string:is_empty("a"), string:find("hello world", "o"),
     string:find("hello world", "o", trailing), string:find("abc", "z"), string:prefix("foobar", "foo"),
     string:prefix("foobar", "bar"), lists:flatten(string:replace("a-b-c", "-", "+", all)),
     string:lexemes("  a  b c ", " ")}.
