-module(list_walk).
-export([main/0]).
% hand-written reverse, an improper list, and head/tail access
main() ->
    L = id([1, 2, 3, 4]),
    [H | T] = L,
    {rev(L, []), H, T, [0 | 5], hd(T), tl(T)}.
rev([H | T], Acc) -> rev(T, [H | Acc]);
rev([], Acc) -> Acc.
id(X) -> X.
