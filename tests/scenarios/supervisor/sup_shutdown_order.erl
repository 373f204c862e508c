-module(sup_shutdown_order).
-export([main/0, init/1, start/1, loop/2]).
% when the supervisor stops, it stops its children one by one, in reverse start order
main() ->
    process_flag(trap_exit, true),
    register(shutdown_order_main, self()),
    {ok, Sup} = supervisor:start_link(sup_shutdown_order, []),
    exit(Sup, shutdown),
    Stopped = [receive {stopped, Id} -> Id end || _ <- [1, 2, 3]],
    {Stopped, receive {'EXIT', Sup, R} -> R end}.
init([]) ->
    {ok, {#{}, [#{id => I, start => {sup_shutdown_order, start, [I]}} || I <- [a, b, c]]}}.
start(Id) ->
    Pid = spawn_link(sup_shutdown_order, loop, [self(), Id]),
    receive {ready, Pid} -> {ok, Pid} end.
ready(Parent) -> process_flag(trap_exit, true), Parent ! {ready, self()}.
loop(Parent, Id) ->
    ready(Parent),
    receive {'EXIT', _, shutdown} -> shutdown_order_main ! {stopped, Id}, exit(shutdown) end.
