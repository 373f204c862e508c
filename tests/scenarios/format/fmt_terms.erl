-module(fmt_terms).
-export([main/0]).
% ~p and ~w on every kind of term: strings, binaries, atoms that need quotes, maps, improper lists
main() ->
    T = {"abc", [1, 2], <<"bin">>, <<1, 2>>, 'Quoted atom', [], {}, #{k => v}, [a | b], "a\nb"},
    io:format("~p~n", [T]),
    io:format("~w~n", [T]),
    io:format("~p ~p ~w~n", [[], <<>>, 'hello world']),
    io:format("~p~n", [[{a, 1}, {b, "x"}, <<1:3>>, 0.0, 'don\'t']]).
