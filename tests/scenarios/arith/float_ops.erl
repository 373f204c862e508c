-module(float_ops).
-export([main/0]).
% mixed integer/float arithmetic, rounding functions, and float printing edge values
main() ->
    A = id(7), B = id(2.0),
    {A + B, A * B, A / 2, A - 0.5, 0.1 + 0.2, -A / 4, float(A), trunc(-2.7), round(2.5),
     round(-2.5), ceil(1.2), floor(-1.2), abs(-3.5), abs(-4), 1.0e308 * 1.0, (1 bsl 80) / 2}.
id(X) -> X.
