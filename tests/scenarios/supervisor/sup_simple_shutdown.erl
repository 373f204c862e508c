-module(sup_simple_shutdown).
-export([main/0, init/1, start/1, loop/2]).
% a simple_one_for_one supervisor that stops tells all its children at once
main() ->
    process_flag(trap_exit, true),
    register(simple_shutdown_main, self()),
    {ok, Sup} = supervisor:start_link(sup_simple_shutdown, []),
    [{ok, _} = supervisor:start_child(Sup, [N]) || N <- [1, 2, 3]],
    exit(Sup, shutdown),
    Stopped = lists:sort([receive {stopped, N} -> N end || _ <- [1, 2, 3]]),
    {Stopped, receive {'EXIT', Sup, R} -> R end}.
init([]) ->
    {ok, {#{strategy => simple_one_for_one},
          [#{id => w, start => {sup_simple_shutdown, start, []}, shutdown => 1000}]}}.
start(N) ->
    Pid = spawn_link(sup_simple_shutdown, loop, [self(), N]),
    receive {ready, Pid} -> {ok, Pid} end.
ready(Parent) -> process_flag(trap_exit, true), Parent ! {ready, self()}.
loop(Parent, N) ->
    ready(Parent),
    receive {'EXIT', _, shutdown} -> simple_shutdown_main ! {stopped, N}, exit(shutdown) end.
