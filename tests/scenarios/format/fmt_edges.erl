-module(fmt_edges).
-export([main/0]).
% more directive combinations: negative numbers in other bases, pad characters, big exponents
main() ->
    io:format("[~.16x] [~.36B] [~#] [~.2+] [~8.16.0B]~n", [-255, "0x", -123456, -10, -5, 255]),
    io:format("[~10..xs] [~-6.2.*c] [~.*s]~n", ["ab", $-, $z, 2, "hello"]),
    io:format("[~.10f] [~.3f] [~g] [~.2e] [~15.5f]~n", [1 / 3, 0.0005, 1.0e20, 9.999, -2.5]),
    io:format("[~s] [~w] [~p]~n", [ok, -0.0, [-1, -2.5]]).
