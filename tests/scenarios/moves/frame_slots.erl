-module(frame_slots).
-export([main/0]).
% values kept in a frame survive calls that use every x register
main() ->
    A = id(1), B = id(2), C = id(3),
    D = clobber(10),
    E = clobber(20),
    {A, B, C, D, E}.
clobber(N) -> {_, _, _, _} = {N, N, N, N}, N + 1.
id(X) -> X.
