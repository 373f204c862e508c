-module(fmt_integers).
-export([main/0]).
% integer directives: bases, widths, padding, signs
main() ->
    io:format("[~b] [~8b] [~-8b] [~.2b] [~8.16B] [~.16b]~n", [42, 42, -42, 5, 255, 255]),
    io:format("[~x] [~.16X] [~#] [~.8#] [~+] [~.16+]~n", [255, "0x", 255, "0x", 255, 8, 255, 255]),
    io:format("[~w] [~5w] [~-5w|] [~5..0w] [~3w]~n", [-7, 12, 12, 7, 123456]),
    io:format("[~p]~n", [123456789012345678901234567890]).
