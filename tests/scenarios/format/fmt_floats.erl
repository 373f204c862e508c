-module(fmt_floats).
-export([main/0]).
% float directives: fixed, exponent, general, with widths and precisions
main() ->
    io:format("[~f] [~.2f] [~10.3f] [~-10.1f] [~.1f]~n", [3.14159, 2.675, -1.5, 0.25, 2.5]),
    io:format("[~e] [~.3e] [~12.2e]~n", [12345.678, 0.000123, -5.0]),
    io:format("[~g] [~g] [~.3g] [~g]~n", [0.5, 123456789.0, 1.0e-10, 100.0]),
    io:format("[~p] [~w] [~p] [~p]~n", [0.1, 1.0e100, -0.5, 1.0e-5]).
