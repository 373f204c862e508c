-module(small_boundary).
-export([main/0]).
% arithmetic across the boundaries of machine-word integers, both ways
main() ->
    P59 = id(1 bsl 59), P63 = id(1 bsl 63),
    {P59 + P59, P59 * 16, -P59 - P59 - 1, P63 - 1, (P63 * 2) div 2 =:= P63, P63 - P63,
     (P63 + 1) - P63, -P63 div 3, P63 rem 1000, (P63 * P63) bsr 126, abs(-P63), -(-P63)}.
id(X) -> X.
