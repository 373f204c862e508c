-module(deep_recursion).
-export([main/0]).
% body recursion 200,000 frames deep
main() -> sum(200000).
sum(0) -> 0;
sum(N) -> N + sum(N - 1).
