-module(bignum_float).
-export([main/0]).
% comparing integers with floats near and beyond 2^53, where floats lose precision
main() ->
    I = id(9007199254740993), F = id(9007199254740992.0), B = id(1 bsl 1024),
    [I == F, I > F, I - 1 == F, F < I, B > 1.0e308, -B < -1.0e308, lists:sort([I + 2, F, I]),
     1 bsl 64 == 1.8446744073709552e19, (1 bsl 64) + 1 > 1.8446744073709552e19].
id(X) -> X.
