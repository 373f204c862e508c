-module(big_map).
-export([main/0]).
% a map of 2,000 keys (past the small-map size), updated and read back
main() ->
    M = build(2000, #{}),
    M2 = M#{1 := one},
    {map_size(M2), maps:get(1, M2), maps:get(2000, M2), maps:is_key(2001, M2),
     lists:sum(maps:values(M)), lists:sort(maps:keys(M2)) =:= lists:seq(1, 2000),
     M =:= maps:from_list(maps:to_list(M))}.
build(0, M) -> M;
build(N, M) -> build(N - 1, M#{N => N * N}).
