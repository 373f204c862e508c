-module(sup_init_bad_return).
-export([main/0, init/1]).
% init/1 returning something else: {error, {bad_return, {Mod, init, Value}}}
main() ->
    process_flag(trap_exit, true),
    R = supervisor:start_link(sup_init_bad_return, []),
    Exit = receive {'EXIT', _, Reason} -> Reason end,
    {R, Exit}.
init([]) -> {ok, no_flags}.
