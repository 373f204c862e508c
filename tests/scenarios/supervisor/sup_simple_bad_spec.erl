-module(sup_simple_bad_spec).
-export([main/0, init/1]).
% a simple_one_for_one supervisor takes exactly one child spec
main() ->
    process_flag(trap_exit, true),
    [supervisor:start_link(sup_simple_bad_spec, N) || N <- [0, 2]].
init(0) -> {ok, {#{strategy => simple_one_for_one}, []}};
init(2) -> {ok, {#{strategy => simple_one_for_one},
                 [#{id => a, start => {m, f, []}}, #{id => b, start => {m, f, []}}]}}.
