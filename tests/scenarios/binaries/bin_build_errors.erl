-module(bin_build_errors).
-export([main/0]).
% construction failures: a surrogate or too large a code point as utf8, a negative size, a
% size that is not an integer, a float segment of a bad size, a binary segment given a list
main() ->
    [reason(F) || F <- [fun() -> <<(id(16#D800))/utf8>> end,
                        fun() -> <<(id(16#110000))/utf8>> end,
                        fun() -> <<1:(id(-1))>> end,
                        fun() -> <<1:(id(a))>> end,
                        fun() -> <<(id(1.0)):(id(8))/float>> end,
                        fun() -> <<(id([1])):8/binary>> end,
                        fun() -> <<(id(<<1, 2>>)):8/binary>> end]].
reason(F) -> try F() catch error:R -> R end.
id(X) -> X.
