-module(tail_loop).
-export([main/0]).
main() -> loop(10000000, 0).
loop(0, Acc) -> Acc;
loop(N, Acc) -> loop(N - 1, Acc + N).
