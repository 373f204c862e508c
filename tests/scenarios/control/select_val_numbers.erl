-module(select_val_numbers).
-export([main/0]).
% a case over bignums, negative numbers and floats
main() -> [k(X) || X <- id([1 bsl 64, -(1 bsl 64), -3, 0.5, -0.5, 1 bsl 63, 0])].
k(18446744073709551616) -> big;
k(-18446744073709551616) -> neg_big;
k(-3) -> minus_three;
k(0.5) -> half;
k(-0.5) -> minus_half;
k(_) -> other.
id(X) -> X.
