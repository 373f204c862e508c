-module(io_functions).
-export([main/0]).
% the other ways to print: put_chars with iodata, nl, fwrite, format/1 and format/3
main() ->
    io:put_chars(["ab", $c, <<"de">>, "\n"]),
    io:put_chars(standard_io, <<"line two\n">>),
    io:fwrite("~w~n", [fwrite]),
    io:format("no arguments~n"),
    io:format(standard_io, "to ~s~n", ["standard_io"]),
    io:nl(),
    io:format("~ts|~tp~n", ["tee", "tee"]).
