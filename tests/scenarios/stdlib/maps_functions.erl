-module(maps_functions).
-export([main/0]).
% the maps module: building, reading, merging, iterating
main() ->
    M = maps:from_list(id([{b, 2}, {a, 1}, {c, 3}, {a, 10}])),
    M2 = maps:merge(M, #{c => 30, d => 4}),
    {maps:to_list(M), maps:keys(M2), maps:values(M2), maps:remove(a, M2), maps:update(b, 20, M),
     maps:get(z, M, default), maps:find(c, M2), maps:size(maps:new()), maps:put(e, 5, #{}),
     maps:is_key(d, M2), walk(maps:iterator(#{x => 1, y => 2, z => 3}))}.
walk(I) ->
    case maps:next(I) of
        none -> [];
        {K, V, I2} -> [{K, V} | walk(I2)]
    end.
id(X) -> X.
