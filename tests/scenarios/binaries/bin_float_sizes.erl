-module(bin_float_sizes).
-export([main/0]).
% floats of 16, 32 and 64 bits; a unit test on the rest; integers of 24 and 72 bits
main() ->
    B = id(<<1.5:16/float, -0.25:32/float-little, 1.0e10:64/float, 16#ABCDEF:24, -1:72/signed>>),
    <<H:16/float, S:32/float-little, D:64/float, Rest/bitstring>> = B,
    <<I:24, J:72/signed>> = Rest,
    {byte_size(B), H, S, D, I, J, bit_size(Rest) rem 8}.
id(X) -> X.
