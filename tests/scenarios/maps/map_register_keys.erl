-module(map_register_keys).
-export([main/0]).
% keys held in variables: building, matching several at once, testing presence
main() ->
    K1 = id({key, 1}), K2 = id(<<"two">>), K3 = id(3.0),
    M = #{K1 => one, K2 => two, K3 => three},
    A = case M of #{K1 := V1, K3 := V3} -> {V1, V3}; _ -> nomatch end,
    B = case M of #{K2 := _, missing := _} -> both; #{K2 := _} -> only_k2 end,
    C = case M of #{3 := _} -> int_key; #{} -> no_int_key end,
    {A, B, C, map_size(M)}.
id(X) -> X.
