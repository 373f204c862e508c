-module(lists_keys).
-export([main/0]).
% key-value lists of tuples
main() ->
    L = id([{a, 1}, {b, 2}, {c, 3}]),
    {lists:keyfind(b, 1, L), lists:keyfind(9, 2, L), lists:keymember(c, 1, L),
     lists:keysearch(3, 2, L), lists:keystore(d, 1, L, {d, 4}), lists:keystore(a, 1, L, {a, 0}),
     lists:keydelete(b, 1, L), lists:keyreplace(c, 1, L, {c, 30}), lists:member({a, 1}, L)}.
id(X) -> X.
