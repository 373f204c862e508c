-module(select_tuple_arity).
-export([main/0]).
% dispatch on the size of a tuple, then on its tag
main() -> [area(S) || S <- id([{square, 3}, {rect, 2, 5}, {circle, 1}, {tri, 1, 2, 3}, point, {}])].
area({square, S}) -> S * S;
area({circle, _}) -> round;
area({rect, W, H}) -> W * H;
area({}) -> empty;
area(_) -> unknown.
id(X) -> X.
