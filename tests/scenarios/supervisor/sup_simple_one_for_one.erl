-module(sup_simple_one_for_one).
-export([main/0, init/1, start/2, loop/2]).
% simple_one_for_one: start_child(Sup, ExtraArgs) starts a child of the one spec with the
% spec's arguments followed by ExtraArgs; children are known by pid only
main() ->
    {ok, Sup} = supervisor:start_link(sup_simple_one_for_one, []),
    {ok, P1} = supervisor:start_child(Sup, [1]),
    {ok, P2} = supervisor:start_child(Sup, [2]),
    Args = {ask(P1), ask(P2)},
    Which = supervisor:which_children(Sup),
    Count = supervisor:count_children(Sup),
    R1 = supervisor:terminate_child(Sup, P1),
    R2 = supervisor:terminate_child(Sup, w),
    R3 = supervisor:restart_child(Sup, w),
    R4 = supervisor:delete_child(Sup, w),
    R5 = supervisor:start_child(Sup, [fail]),
    R6 = supervisor:get_childspec(Sup, P2),
    {Args, Which, Count, {R1, R2, R3, R4, R5}, R6, supervisor:which_children(Sup),
     is_process_alive(P1)}.
ask(Pid) ->
    Pid ! {args, self()},
    receive {args, A} -> A end.
init([]) ->
    {ok, {#{strategy => simple_one_for_one},
          [#{id => w, start => {sup_simple_one_for_one, start, [base]}}]}}.
start(_, fail) -> {error, nope};
start(Base, N) -> {ok, spawn_link(sup_simple_one_for_one, loop, [Base, N])}.
loop(Base, N) ->
    receive {args, From} -> From ! {args, {Base, N}}, loop(Base, N) end.
