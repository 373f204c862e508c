-module(fmt_float_exponent).
-export([main/0]).
% ~w and ~p print a float as float_to_list(F, [short]) does: 1.2345678901234568e17
main() ->
    F = id(123456789012345680.0),
    io:format("~w ~p~n", [F, F]),
    float_to_list(F, [short]).
id(X) -> X.
