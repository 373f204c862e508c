-module(sup_simple_restart).
-export([main/0, init/1, start/2, loop/2]).
% simple_one_for_one: a permanent child that dies is started again with the same arguments
main() ->
    {ok, Sup} = supervisor:start_link(sup_simple_restart, []),
    {ok, P1} = supervisor:start_child(Sup, [7]),
    kill(P1),
    [{undefined, P2, worker, [sup_simple_restart]}] = supervisor:which_children(Sup),
    {P2 =/= P1, ask(P2), supervisor:count_children(Sup)}.
ask(Pid) ->
    Pid ! {args, self()},
    receive {args, A} -> A end.
kill(Pid) ->
    Ref = monitor(process, Pid),
    exit(Pid, kill),
    receive {'DOWN', Ref, process, _, _} -> ok end.
init([]) ->
    {ok, {#{strategy => simple_one_for_one},
          [#{id => w, start => {sup_simple_restart, start, [base]}}]}}.
start(Base, N) -> {ok, spawn_link(sup_simple_restart, loop, [Base, N])}.
loop(Base, N) ->
    receive {args, From} -> From ! {args, {Base, N}}, loop(Base, N) end.
