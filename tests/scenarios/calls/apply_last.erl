-module(apply_last).
-export([main/0, step/2]).
% a loop through dynamic tail calls with a frame: M:F(Args) as the last call of a body
main() -> step(100000, 0).
step(0, Acc) -> Acc;
step(N, Acc) -> M = id(apply_last), F = id(step), R = N rem 3, M:F(N - 1, Acc + R).
id(X) -> X.
