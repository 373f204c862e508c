-module(shutdown_clean).
-export([main/0, init/1, start/0, loop/0]).
% shutdown Time: a child that traps exits gets {'EXIT', Sup, shutdown}, cleans up and exits
% with shutdown before the time is up
main() ->
    register(shutdown_clean_main, self()),
    {ok, Sup} = supervisor:start_link(shutdown_clean, []),
    [{s, S, _, _}] = supervisor:which_children(Sup),
    Ref = monitor(process, S),
    R1 = supervisor:terminate_child(Sup, s),
    Cleaned = receive {cleaned, From} -> From =:= Sup end,
    Reason = receive {'DOWN', Ref, process, S, R} -> R end,
    {R1, Cleaned, Reason}.
init([]) ->
    {ok, {#{}, [#{id => s, start => {shutdown_clean, start, []}, shutdown => 5000}]}}.
start() -> {ok, spawn_link(shutdown_clean, loop, [])}.
loop() ->
    process_flag(trap_exit, true),
    receive {'EXIT', From, shutdown} ->
        shutdown_clean_main ! {cleaned, From},
        exit(shutdown)
    end.
