-module(busy_neighbour).
-export([main/0, spin/1, ping/1]).
% a process that loops without receiving does not keep another from running and answering
main() ->
    spawn(busy_neighbour, spin, [2000000]),
    P = spawn(busy_neighbour, ping, [self()]),
    P ! go,
    receive {pong, P} -> answered end.
spin(0) -> done;
spin(N) -> spin(N - 1).
ping(Parent) -> receive go -> Parent ! {pong, self()} end.
