-module(sup_start_link_tuple).
-export([main/0, init/1, start/0, loop/0]).
% the old forms: flags {Strategy, Intensity, Period} and 6-tuple child specs
main() ->
    {ok, Sup} = supervisor:start_link(sup_start_link_tuple, []),
    {supervisor:which_children(Sup), supervisor:get_childspec(Sup, w)}.
init([]) ->
    {ok, {{one_for_all, 3, 10},
          [{w, {sup_start_link_tuple, start, []}, transient, brutal_kill, worker, dynamic}]}}.
start() -> {ok, spawn_link(sup_start_link_tuple, loop, [])}.
loop() -> receive after infinity -> ok end.
