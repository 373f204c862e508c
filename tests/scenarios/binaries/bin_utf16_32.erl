-module(bin_utf16_32).
-export([main/0]).
% utf16 (with a surrogate pair) and utf32 segments, built and matched back
main() ->
    C = id(16#1F600),
    B = <<C/utf16, $a/utf16-little, C/utf32>>,
    <<X/utf16, Y/utf16-little, Z/utf32>> = B,
    {B, X, Y, Z}.
id(X) -> X.
