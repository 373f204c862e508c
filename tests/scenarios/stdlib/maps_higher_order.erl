-module(maps_higher_order).
-export([main/0]).
% the maps module's higher-order and set-like functions
main() ->
    M = id(#{a => 1, b => 2, c => 3}),
    {maps:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], M), maps:map(fun(_, V) -> V * 10 end, M),
     maps:filter(fun(_, V) -> V > 1 end, M), maps:filtermap(fun(a, _) -> false; (_, V) -> {true, -V} end, M),
     maps:with([a, z], M), maps:without([a, z], M), maps:update_with(a, fun(V) -> V + 100 end, M),
     maps:update_with(z, fun(V) -> V end, 0, M), maps:take(b, M), maps:take(z, M), maps:from_keys([x, y], 0),
     maps:merge_with(fun(_, V1, V2) -> V1 + V2 end, M, #{a => 10, d => 4}), maps:intersect(M, #{b => x, q => y}),
     maps:intersect_with(fun(_, V1, V2) -> {V1, V2} end, M, #{c => z}),
     maps:groups_from_list(fun(X) -> X rem 2 end, [1, 2, 3, 4, 5])}.
id(X) -> X.
