-module(bin_utf8_decode).
-export([main/0]).
% code points of a UTF-8 binary, one to four bytes each; an invalid byte stops the loop
main() -> {decode(id(<<"hé€😀"/utf8>>), []), decode(id(<<"a", 255, "b">>), [])}.
decode(<<C/utf8, R/binary>>, Acc) -> decode(R, [C | Acc]);
decode(<<>>, Acc) -> lists:reverse(Acc);
decode(Bad, Acc) -> {invalid, lists:reverse(Acc), Bad}.
id(X) -> X.
