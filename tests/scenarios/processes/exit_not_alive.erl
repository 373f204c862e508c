-module(exit_not_alive).
-export([main/0, loop/0, trapper/1, quitter/0]).
% A process is not alive once its exit has begun: after exit(P, kill) from the caller (its
% signals arrive before the check), after exit(P, Reason) when P does not trap exits, and
% after its 'DOWN' message; process_info then gives undefined.
main() ->
    P = spawn(exit_not_alive, loop, []),
    A0 = is_process_alive(P),
    exit(P, kill),
    A = is_process_alive(P),
    Q = spawn(exit_not_alive, loop, []),
    exit(Q, bye),
    B = is_process_alive(Q),
    I = process_info(Q, status),
    R = spawn(exit_not_alive, trapper, [self()]),
    receive trapping -> ok end,
    exit(R, bye),
    C = is_process_alive(R),
    exit(R, kill),
    D = is_process_alive(R),
    S = spawn(exit_not_alive, quitter, []),
    Ref = monitor(process, S),
    S ! go,
    receive {'DOWN', Ref, process, S, _} -> ok end,
    E = is_process_alive(S),
    J = process_info(S),
    {A0, A, B, I, C, D, E, J}.
loop() -> receive _ -> loop() end.
trapper(Parent) ->
    process_flag(trap_exit, true),
    Parent ! trapping,
    loop().
quitter() -> receive go -> ok end.
