-module(sup_nested).
-export([main/0, init/1, start/0, loop/0]).
% a supervisor as the child of a supervisor: the inner one restarts its worker; when the inner
% one itself dies, the outer one starts it again, and with it a fresh worker
main() ->
    {ok, Top} = supervisor:start_link(sup_nested, top),
    Sub = pid(Top, sub),
    W = pid(Sub, w),
    kill(W),
    W2 = pid(Sub, w),
    R1 = {pid(Top, sub) =:= Sub, W2 =/= W},
    kill(Sub),
    Sub2 = pid(Top, sub),
    {R1, Sub2 =/= Sub, is_process_alive(W2), is_process_alive(pid(Sub2, w)),
     supervisor:which_children(Top) =:= [{sub, Sub2, supervisor, [sup_nested]}]}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
kill(Pid) ->
    Ref = monitor(process, Pid),
    exit(Pid, kill),
    receive {'DOWN', Ref, process, _, _} -> ok end.
init(top) ->
    {ok, {#{}, [#{id => sub, start => {supervisor, start_link, [sup_nested, sub]},
                  type => supervisor, modules => [sup_nested]}]}};
init(sub) ->
    {ok, {#{}, [#{id => w, start => {sup_nested, start, []}}]}}.
start() -> {ok, spawn_link(sup_nested, loop, [])}.
loop() -> receive after infinity -> ok end.
