-module(select_val).
-export([main/0]).
% a case on literal values matches exactly: 2 and 2.0 are different clauses
main() -> [pick(X) || X <- id([1, 2, 2.0, two, 3.5, "x", -1])].
pick(1) -> one;
pick(2) -> two_int;
pick(2.0) -> two_float;
pick(two) -> two_atom;
pick(-1) -> minus_one;
pick(_) -> other.
id(X) -> X.
