-module(sup_get_childspec).
-export([main/0, init/1, start/0, loop/0]).
% get_childspec/2 returns the whole spec, defaults filled in: a worker's shutdown is 5000, a
% supervisor's infinity
main() ->
    {ok, Sup} = supervisor:start_link(sup_get_childspec, top),
    {supervisor:get_childspec(Sup, w), supervisor:get_childspec(Sup, s),
     supervisor:get_childspec(Sup, nope), supervisor:get_childspec(Sup, pid(Sup, w))}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
init(top) ->
    {ok, {#{}, [#{id => w, start => {sup_get_childspec, start, []}},
                #{id => s, start => {supervisor, start_link, [sup_get_childspec, sub]},
                  type => supervisor}]}};
init(sub) -> {ok, {#{}, []}}.
start() -> {ok, spawn_link(sup_get_childspec, loop, [])}.
loop() -> receive after infinity -> ok end.
