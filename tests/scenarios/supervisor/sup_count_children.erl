-module(sup_count_children).
-export([main/0, init/1, start/0, loop/0]).
% count_children/1 counts specs, running children, supervisors and workers
main() ->
    {ok, Sup} = supervisor:start_link(sup_count_children, top),
    C1 = supervisor:count_children(Sup),
    ok = supervisor:terminate_child(Sup, w1),
    {C1, supervisor:count_children(Sup)}.
init(top) ->
    {ok, {#{}, [#{id => w1, start => {sup_count_children, start, []}},
                #{id => w2, start => {sup_count_children, start, []}},
                #{id => s, start => {supervisor, start_link, [sup_count_children, sub]},
                  type => supervisor}]}};
init(sub) -> {ok, {#{}, []}}.
start() -> {ok, spawn_link(sup_count_children, loop, [])}.
loop() -> receive after infinity -> ok end.
