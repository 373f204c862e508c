-module(bin_bits).
-export([main/0]).
% bitstrings that are not binaries: sizes, skipping bits, matching the rest
main() ->
    B = id(<<5:3, 1:1, 255:8, 2:2>>),
    <<_:3, Flag:1, Byte:8, Last/bitstring>> = B,
    {bit_size(B), byte_size(B), is_binary(B), Flag, Byte, Last, bit_size(Last),
     <<B/bitstring, 1:2>>}.
id(X) -> X.
