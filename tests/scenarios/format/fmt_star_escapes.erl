-module(fmt_star_escapes).
-export([main/0]).
% widths and precisions taken from the arguments (*), escapes in ~p
main() ->
    io:format("[~*w] [~-*w] [~.*f] [~*.*s]~n", [5, x, 4, y, 2, 3.14159, 6, 2, "abcdef"]),
    io:format("~p ~p ~p ~p~n", ["a\tb\\c\"", 'A', 'a-b', 'hello']),
    io:format("~p ~w~n", [[1, a, "x"], "not printable: \x01"]).
