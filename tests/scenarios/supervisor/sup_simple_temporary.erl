-module(sup_simple_temporary).
-export([main/0, init/1, start/0, loop/0]).
% simple_one_for_one with temporary children: one that dies is gone for good
main() ->
    {ok, Sup} = supervisor:start_link(sup_simple_temporary, []),
    {ok, P1} = supervisor:start_child(Sup, []),
    {ok, _} = supervisor:start_child(Sup, []),
    kill(P1),
    {length(supervisor:which_children(Sup)), supervisor:count_children(Sup)}.
kill(Pid) ->
    Ref = monitor(process, Pid),
    exit(Pid, kill),
    receive {'DOWN', Ref, process, _, _} -> ok end.
init([]) ->
    {ok, {#{strategy => simple_one_for_one},
          [#{id => w, start => {sup_simple_temporary, start, []}, restart => temporary}]}}.
start() -> {ok, spawn_link(sup_simple_temporary, loop, [])}.
loop() -> receive after infinity -> ok end.
