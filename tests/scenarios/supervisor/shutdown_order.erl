-module(shutdown_order).
-export([main/0, init/1, start/1, loop/1]).
% when the supervisor stops, it stops its children one by one, in reverse start order
main() ->
    process_flag(trap_exit, true),
    register(shutdown_order_main, self()),
    {ok, Sup} = supervisor:start_link(shutdown_order, []),
    exit(Sup, shutdown),
    Stopped = [receive {stopped, Id} -> Id end || _ <- [1, 2, 3]],
    Exit = receive {'EXIT', Sup, R} -> R end,
    {Stopped, Exit}.
init([]) ->
    {ok, {#{}, [#{id => I, start => {shutdown_order, start, [I]}} || I <- [a, b, c]]}}.
start(Id) -> {ok, spawn_link(shutdown_order, loop, [Id])}.
loop(Id) ->
    process_flag(trap_exit, true),
    receive {'EXIT', _, shutdown} ->
        shutdown_order_main ! {stopped, Id},
        exit(shutdown)
    end.
