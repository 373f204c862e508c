-module(sort_equal_numbers).
-export([main/0]).
% lists:sort/1 puts numbers that compare equal (1 and 1.0) in the order OTP's merge sort does
main() -> lists:sort(id([2, 1.0, 1, 2.0])).
id(X) -> X.
