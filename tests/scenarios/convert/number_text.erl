-module(number_text).
-export([main/0]).
% integers and floats to text and back, in several bases and formats
main() ->
    {integer_to_list(255, 16), integer_to_list(-255, 2), integer_to_binary(123456789012345678901234567890, 36),
     list_to_integer("-ff", 16), list_to_integer("+0042"), binary_to_integer(<<"zz">>, 36),
     float_to_list(1.5), float_to_binary(0.1, [{decimals, 3}]), float_to_list(2.0, [{decimals, 2}, compact]),
     list_to_float("-1.25e3"), binary_to_float(<<"6.02e23">>)}.
