-module(bin_skip_unit).
-export([main/0]).
% bit-sized binary segments, skipping to the end, and a unit test that fails
main() -> [m(B) || B <- id([<<1, 2, 3>>, <<255, 15:4>>, <<7:5>>])].
m(<<Head:12/bitstring, _/bitstring>> = B) when bit_size(B) rem 8 =:= 0 -> {bytes, Head};
m(<<Head:12/bitstring, _/bitstring>>) -> {bits, Head};
m(_) -> short.
id(X) -> X.
