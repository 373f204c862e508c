-module(bin_build).
-export([main/0]).
% integer (sizes, endianness, signed, truncated), float, binary and utf8 segments
main() ->
    N = id(-2), B = id(<<"xy">>), F = id(1.5), C = id(8364),
    {<<N:8, N:16/little, 300:8, 1:4, 15:4, F:64/float, F:32/float-little, B/binary, C/utf8, "ok">>,
     <<(id(1)):1, (id(0)):2>>, byte_size(<<B/binary, B/binary>>)}.
id(X) -> X.
