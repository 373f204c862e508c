-module(long_string_convert).
-export([main/0]).
% conversions of long texts: a 300-digit integer, a 10,000-character list to a binary and back
main() ->
    D = lists:duplicate(300, $7),
    N = list_to_integer(D),
    B = list_to_binary(lists:duplicate(10000, $x)),
    {N rem 1000, length(integer_to_list(N)), integer_to_list(N) =:= D, byte_size(B),
     length(binary_to_list(B)), length(integer_to_list(N, 2))}.
