-module(bin_match_sizes).
-export([main/0]).
% fields of odd sizes, little-endian and signed, a float, then the tail
main() ->
    <<A:4, B:12, C:16/little-signed, D:8/signed, F:32/float, Rest/binary>> =
        id(<<16#AB, 16#CD, 16#FE, 16#FF, 16#80, 63, 192, 0, 0, "tail">>),
    {A, B, C, D, F, Rest}.
id(X) -> X.
