-module(sup_shutdown_clean).
-export([main/0, init/1, start/0, loop/1]).
% shutdown Time: a child that traps exits gets {'EXIT', Sup, shutdown}, cleans up and exits
% with shutdown before the time is up
main() ->
    register(shutdown_clean_main, self()),
    {ok, Sup} = supervisor:start_link(sup_shutdown_clean, []),
    Ref = monitor(process, pid(Sup, s)),
    R = supervisor:terminate_child(Sup, s),
    Cleaned = receive {cleaned, From} -> From =:= Sup end,
    {R, Cleaned, await_down(Ref)}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
await_down(Ref) -> receive {'DOWN', Ref, process, _, Reason} -> Reason end.
init([]) ->
    {ok, {#{}, [#{id => s, start => {sup_shutdown_clean, start, []}, shutdown => 5000}]}}.
start() ->
    Pid = spawn_link(sup_shutdown_clean, loop, [self()]),
    receive {ready, Pid} -> {ok, Pid} end.
ready(Parent) -> process_flag(trap_exit, true), Parent ! {ready, self()}.
loop(Parent) ->
    ready(Parent),
    receive {'EXIT', From, shutdown} -> shutdown_clean_main ! {cleaned, From}, exit(shutdown) end.
