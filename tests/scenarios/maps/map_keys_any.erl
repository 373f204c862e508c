-module(map_keys_any).
-export([main/0]).
% any term is a key; 1 and 1.0 are different keys; updates replace values
main() ->
    M = (id(#{}))#{1 => int, 1.0 => float, {k} => tuple, "s" => string, <<"b">> => bin, [] => nil},
    M2 = M#{1 := one, [] => empty},
    {map_size(M2), maps:get(1, M2), maps:get(1.0, M2), maps:get({k}, M2), maps:get([], M2),
     maps:find("s", M2), maps:find(2, M2), is_map_key(<<"b">>, M2)}.
id(X) -> X.
