-module(spawn_chain).
-export([main/0, link/2]).
% each process spawns the next, 2,000 deep; the last answers, and the answer travels back up
main() ->
    spawn(spawn_chain, link, [self(), 2000]),
    receive {depth, D} -> D end.
link(Parent, 0) -> Parent ! {depth, 0};
link(Parent, N) ->
    spawn(spawn_chain, link, [self(), N - 1]),
    receive {depth, D} -> Parent ! {depth, D + 1} end.
