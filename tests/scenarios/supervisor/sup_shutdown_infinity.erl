-module(sup_shutdown_infinity).
-export([main/0, init/1, start/0, loop/1]).
% shutdown infinity: the supervisor waits as long as the child takes to stop
main() ->
    register(shutdown_infinity_main, self()),
    {ok, Sup} = supervisor:start_link(sup_shutdown_infinity, []),
    Ref = monitor(process, pid(Sup, s)),
    R = supervisor:terminate_child(Sup, s),
    Reason = await_down(Ref),
    Took = receive {took, T} -> T end,
    {R, Reason, Took}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
await_down(Ref) -> receive {'DOWN', Ref, process, _, Reason} -> Reason end.
init([]) ->
    {ok, {#{}, [#{id => s, start => {sup_shutdown_infinity, start, []}, shutdown => infinity}]}}.
start() ->
    Pid = spawn_link(sup_shutdown_infinity, loop, [self()]),
    receive {ready, Pid} -> {ok, Pid} end.
ready(Parent) -> process_flag(trap_exit, true), Parent ! {ready, self()}.
loop(Parent) ->
    ready(Parent),
    receive {'EXIT', _, shutdown} ->
        timer:sleep(100),              % a slow clean-up, not a synchronisation
        shutdown_infinity_main ! {took, 100},
        exit(shutdown)
    end.
