-module(sup_child_ignore).
-export([main/0, init/1, start/1, loop/0]).
% a start function that returns ignore: the child is kept with pid undefined, unless it is
% temporary
main() ->
    {ok, Sup} = supervisor:start_link(sup_child_ignore, []),
    W = supervisor:which_children(Sup),
    {W, supervisor:count_children(Sup), supervisor:restart_child(Sup, b)}.
init([]) ->
    {ok, {#{}, [#{id => a, start => {sup_child_ignore, start, [ok]}},
                #{id => b, start => {sup_child_ignore, start, [ignore]}},
                #{id => c, start => {sup_child_ignore, start, [ignore]}, restart => temporary}]}}.
start(ok) -> {ok, spawn_link(sup_child_ignore, loop, [])};
start(ignore) -> ignore.
loop() -> receive after infinity -> ok end.
