-module(int_bits).
-export([main/0]).
% bitwise operations on negative numbers and bignums
main() ->
    A = id(-6), B = id(1 bsl 70),
    {A band 3, A bor 1, A bxor -1, bnot A, A bsl 3, A bsr 1, B bsr 69, (B - 1) band 16#ff,
     bnot B, B bxor B, -1 bsl 64, 5 bsl -1, 12 rem -5, -12 div 5}.
id(X) -> X.
