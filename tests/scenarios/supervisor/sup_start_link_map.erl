-module(sup_start_link_map).
-export([main/0, init/1, start/1, loop/0]).
% start_link/2 with map flags and map child specs: the children start in order, and
% which_children lists them newest first.
main() ->
    {ok, Sup} = supervisor:start_link(sup_start_link_map, []),
    {is_pid(Sup), supervisor:which_children(Sup), supervisor:count_children(Sup)}.
init([]) ->
    {ok, {#{strategy => one_for_one},
          [#{id => a, start => {sup_start_link_map, start, [a]}},
           #{id => b, start => {sup_start_link_map, start, [b]}, type => worker, modules => [x]}]}}.
start(_) -> {ok, spawn_link(sup_start_link_map, loop, [])}.
loop() -> receive after infinity -> ok end.
