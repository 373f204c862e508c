-module(string_chardata).
-export([main/0]).
% the string module on character lists; each result is chardata, compared as a binary
main() ->
    {l(string:split("a,b,,c", ",")),
     l(string:split("a,b,,c", ",", all)),
     l(string:split("a,b,,c", ",", trailing)),
     b(string:trim("  x y  ")),
     b(string:trim("xxhixx", both, "x")),
     b(string:trim("  x  ", leading)),
     b(string:to_upper("MiXed1")),
     b(string:lowercase("MiXed1")),
     string:length("hello"),
     b(string:slice("hello", 1, 3)),
     b(string:slice("hello", 3)),
     b(string:join(["a", "b", "c"], ", ")),
     string:is_empty(""),
     string:is_empty("a"),
     b(string:find("hello world", "o")),
     b(string:find("hello world", "o", trailing)),
     string:find("abc", "z"),
     b(string:prefix("foobar", "foo")),
     string:prefix("foobar", "bar"),
     b(string:replace("a-b-c", "-", "+", all)),
     l(string:lexemes("  a  b c ", " "))}.
b(C) -> iolist_to_binary(C).
l(L) -> [b(C) || C <- L].
