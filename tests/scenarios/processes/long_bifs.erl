-module(long_bifs).
-export([main/0]).
% BIFs over long lists give their results however often they are preempted (on beamlite they
% trap and resume): length, reverse, member, ++, keyfind, iolist_to_binary, and an error found
% at the end of a long list.
main() ->
    L = lists:seq(1, 20000),
    Len = length(L),
    R = hd(lists:reverse(L, [x])),
    M1 = lists:member(20000, L),
    M2 = lists:member(0, L),
    A = L ++ [tail],
    ALen = length(A),
    ALast = hd(lists:reverse(A)),
    Z = lists:zip(L, L),
    K1 = lists:keyfind(19999, 2, Z),
    K2 = lists:keymember(0, 1, Z),
    IO = [lists:duplicate(10000, $a), <<"bc">>, lists:duplicate(5000, [$d, <<"e">>])],
    B = byte_size(iolist_to_binary(IO)),
    E = catch length(L ++ improper),
    {Len, R, M1, M2, ALen, ALast, K1, K2, B, E}.
