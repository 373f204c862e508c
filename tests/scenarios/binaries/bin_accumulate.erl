-module(bin_accumulate).
-export([main/0]).
% a binary grown one segment at a time in a loop (appending to an accumulator), then checked
main() ->
    B = grow(5000, <<>>),
    {byte_size(B), binary_part(B, 0, 6), binary_part(B, byte_size(B) - 2, 2), sum(B, 0)}.
grow(0, Acc) -> Acc;
grow(N, Acc) -> grow(N - 1, <<Acc/binary, N:16>>).
sum(<<X:16, R/binary>>, S) -> sum(R, S + X);
sum(<<>>, S) -> S.
