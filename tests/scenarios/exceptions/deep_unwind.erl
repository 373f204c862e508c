-module(deep_unwind).
-export([main/0]).
% an exception raised 10,000 frames deep, through a fun called by lists:map, is caught at the top
main() ->
    try lists:map(fun(X) -> down(X) end, [1, 2])
    catch throw:{bottom, N} -> {caught, N}
    end.
down(0) -> throw({bottom, 0});
down(N) -> 1 + down(N - 1).
