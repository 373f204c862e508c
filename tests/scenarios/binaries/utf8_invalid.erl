-module(utf8_invalid).
-export([main/0]).
% UTF-8 matching rejects overlong forms, surrogates, code points past 10FFFF and cut sequences
main() -> [first(B) || B <- id([<<16#C0, 16#80>>, <<16#ED, 16#A0, 16#80>>, <<16#F4, 16#90, 16#80, 16#80>>,
                                 <<16#E2, 16#82>>, <<16#F0, 16#9F, 16#98, 16#80>>, <<16#7F>>])].
first(<<C/utf8, _/binary>>) -> C;
first(_) -> invalid.
id(X) -> X.
