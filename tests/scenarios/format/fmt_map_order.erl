-module(fmt_map_order).
-export([main/0]).
% maps print with their keys in term order, whatever order they were inserted in
main() ->
    M = maps:from_list(id([{"s", c}, {{t}, d}, {a, b}, {1, a}, {<<"b">>, e}, {2.5, f}])),
    io:format("~p~n~w~n", [M, #{z => 1, y => #{b => 2, a => 1}}]),
    maps:keys(M).
id(X) -> X.
