-module(bignum).
-export([main/0]).
main() ->
    P = 1 bsl 100,
    Q = 1073741824 * 1073741824,
    {P, P - (P + 1), P rem 2, Q, -Q - 1}.
