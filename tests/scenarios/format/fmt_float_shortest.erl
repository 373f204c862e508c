-module(fmt_float_shortest).
-export([main/0]).
% ~p, ~w and float_to_list(F, [short]) print the shortest text that reads back as the same float
main() ->
    L = id([1.0e-7, 5.0e-324, 1.7976931348623157e308, 100.0, 0.3, 2.5e15, 1.0e16, -1.5e-3]),
    io:format("~p~n", [L]),
    io:format("~w~n", [L]),
    [float_to_list(F, [short]) || F <- L].
id(X) -> X.
