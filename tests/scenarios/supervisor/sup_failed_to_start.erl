-module(sup_failed_to_start).
-export([main/0, init/1, start/1, loop/0]).
% a child that fails to start makes start_link fail with
% {error, {shutdown, {failed_to_start_child, Id, Reason}}}, after the children already
% started are stopped
main() ->
    process_flag(trap_exit, true),
    R1 = supervisor:start_link(sup_failed_to_start, error),
    A = whereis(failed_to_start_a),
    R2 = supervisor:start_link(sup_failed_to_start, crash),
    R3 = supervisor:start_link(sup_failed_to_start, what),
    {R1, A, R2, R3}.
init(How) ->
    {ok, {#{}, [#{id => a, start => {sup_failed_to_start, start, [a]}},
                #{id => b, start => {sup_failed_to_start, start, [How]}}]}}.
start(a) ->
    Pid = spawn_link(sup_failed_to_start, loop, []),
    register(failed_to_start_a, Pid),
    {ok, Pid};
start(error) -> {error, nope};
start(crash) -> 1 + list_to_atom("one");
start(what) -> what.
loop() -> receive after infinity -> ok end.
