-module(bin_tlv_parser).
-export([main/0]).
% a type-length-value parser loop; a truncated record is left over
main() -> parse(id(<<1, 0, 3, "abc", 2, 0, 0, 7, 0, 1, "z", 9, 0, 5, "sh">>), []).
parse(<<T:8, L:16, V:L/binary, R/binary>>, Acc) -> parse(R, [{T, V} | Acc]);
parse(Rest, Acc) -> {lists:reverse(Acc), Rest}.
id(X) -> X.
