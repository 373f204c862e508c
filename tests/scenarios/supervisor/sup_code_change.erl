-module(sup_code_change).
-export([main/0, init/1, start/0, loop/0]).
% sys:change_code/4 on a supervisor calls the callback module's init/1 again: its flags and
% specs replace the old ones; a running child keeps running, a new spec is added without being
% started, and an old child that is not in the new specs is kept
main() ->
    {ok, Sup} = supervisor:start_link(sup_code_change, []),
    A = pid(Sup, a),
    register(code_change_v2, self()),
    ok = sys:suspend(Sup),
    R = sys:change_code(Sup, sup_code_change, old, extra),
    ok = sys:resume(Sup),
    {R, pid(Sup, a) =:= A, supervisor:get_childspec(Sup, a), ids(supervisor:which_children(Sup)),
     pid(Sup, c)}.
pid(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.
ids([{Id, _, _, _} | T]) -> [Id | ids(T)];
ids([]) -> [].
init([]) ->
    case whereis(code_change_v2) of
        undefined ->
            {ok, {#{}, [#{id => a, start => {sup_code_change, start, []}},
                        #{id => b, start => {sup_code_change, start, []}}]}};
        _ ->
            {ok, {#{intensity => 5}, [#{id => a, start => {sup_code_change, start, []}, shutdown => brutal_kill},
                                      #{id => c, start => {sup_code_change, start, []}}]}}
    end.
start() -> {ok, spawn_link(sup_code_change, loop, [])}.
loop() -> receive after infinity -> ok end.
