-module(shutdown_infinity).
-export([main/0, init/1, start/0, loop/0]).
% shutdown infinity: the supervisor waits as long as the child takes
main() ->
    register(shutdown_infinity_main, self()),
    {ok, Sup} = supervisor:start_link(shutdown_infinity, []),
    [{s, S, _, _}] = supervisor:which_children(Sup),
    Ref = monitor(process, S),
    R1 = supervisor:terminate_child(Sup, s),
    Reason = receive {'DOWN', Ref, process, S, R} -> R end,
    Took = receive {took, T} -> T end,
    {R1, Reason, Took}.
init([]) ->
    {ok, {#{}, [#{id => s, start => {shutdown_infinity, start, []}, shutdown => infinity}]}}.
start() -> {ok, spawn_link(shutdown_infinity, loop, [])}.
loop() ->
    process_flag(trap_exit, true),
    receive {'EXIT', _, shutdown} ->
        receive after 100 -> ok end,
        shutdown_infinity_main ! {took, 100},
        exit(shutdown)
    end.
