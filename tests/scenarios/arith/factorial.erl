-module(factorial).
-export([main/0]).
% bignum multiplication, division and remainder: 100!, 100!/98!, digits and a modulus
main() ->
    F100 = fact(100), F98 = fact(98),
    io:format("~p~n", [F100]),
    {F100 div F98, F100 rem F98, length(integer_to_list(F100)), F100 rem 1000000007,
     -F100 div F98, (-F100) rem 1000000007, F100 band (1 bsl 100 - 1), F100 bsr 500}.
fact(0) -> 1;
fact(N) -> N * fact(N - 1).
