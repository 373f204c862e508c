-module(guard_bif_fail).
-export([main/0]).
% a BIF that fails in a guard makes the guard false instead of raising
main() -> [f(X) || X <- id([{a, b}, [a], 3, <<1, 2>>])].
f(X) when element(2, X) =:= b -> second_is_b;
f(X) when hd(X) =:= a -> head_is_a;
f(X) when X div 0 > 1 -> never;
f(X) when byte_size(X) == 2 -> two_bytes;
f(_) -> nothing.
id(X) -> X.
