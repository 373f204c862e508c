-module(sup_start_link_named).
-export([main/0, init/1, start/0, loop/0]).
% start_link/3 with {local, Name}: the supervisor is registered, the API takes the name, and a
% second start with the same name says already_started
main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link({local, named_sup}, sup_start_link_named, []),
    Same = whereis(named_sup) =:= Sup,
    [{w, _, worker, _}] = supervisor:which_children(named_sup),
    {error, {already_started, Sup2}} = supervisor:start_link({local, named_sup}, sup_start_link_named, []),
    {Same, Sup2 =:= Sup, supervisor:count_children(named_sup)}.
init([]) -> {ok, {#{}, [#{id => w, start => {sup_start_link_named, start, []}}]}}.
start() -> {ok, spawn_link(sup_start_link_named, loop, [])}.
loop() -> receive after infinity -> ok end.
