-module(sup_start_child).
-export([main/0, init/1, start/1, loop/0]).
% start_child/2 with a child spec: what it returns for each outcome of the start
main() ->
    {ok, Sup} = supervisor:start_link(sup_start_child, []),
    {ok, P} = supervisor:start_child(Sup, #{id => a, start => {sup_start_child, start, [ok]}}),
    R1 = supervisor:start_child(Sup, #{id => a, start => {sup_start_child, start, [ok]}}),
    ok = supervisor:terminate_child(Sup, a),
    R2 = supervisor:start_child(Sup, #{id => a, start => {sup_start_child, start, [ok]}}),
    R3 = supervisor:start_child(Sup, #{id => b, start => {sup_start_child, start, [ok]}, restart => sometimes}),
    R4 = supervisor:start_child(Sup, {c, {sup_start_child, start, [fail]}, permanent, 100, worker, []}),
    R5 = supervisor:start_child(Sup, #{id => d, start => {sup_start_child, start, [info]}}),
    R6 = supervisor:start_child(Sup, #{id => e, start => {sup_start_child, start, [ignore]}}),
    R7 = supervisor:start_child(Sup, #{id => f, start => {sup_start_child, start, [ignore]}, restart => temporary}),
    {R1 =:= {error, {already_started, P}}, R2, R3, R4, element(3, R5), R6, R7,
     ids(supervisor:which_children(Sup))}.
ids([{Id, _, _, _} | T]) -> [Id | ids(T)];
ids([]) -> [].
init([]) -> {ok, {#{}, []}}.
start(ok) -> {ok, spawn_link(sup_start_child, loop, [])};
start(fail) -> {error, nope};
start(info) -> {ok, spawn_link(sup_start_child, loop, []), info};
start(ignore) -> ignore.
loop() -> receive after infinity -> ok end.
