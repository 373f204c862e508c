-module(timer_dest_exit).
-export([main/0, quitter/0]).
% A timer whose destination is a pid belongs to that process: it is cancelled when the process
% exits, and one started for a dead pid is not pending at all. A timer to a name is not tied
% to any process.
main() ->
    P = spawn(timer_dest_exit, quitter, []),
    T1 = erlang:send_after(100000, P, hello),
    R1 = is_integer(erlang:read_timer(T1)),
    Ref = monitor(process, P),
    P ! go,
    receive {'DOWN', Ref, process, P, _} -> ok end,
    R2 = erlang:read_timer(T1),
    R3 = erlang:cancel_timer(T1),
    T2 = erlang:start_timer(100000, P, x),
    R4 = erlang:read_timer(T2),
    T3 = erlang:send_after(100000, no_such_name, x),
    R5 = is_integer(erlang:cancel_timer(T3)),
    {R1, R2, R3, R4, R5}.
quitter() -> receive go -> ok end.
