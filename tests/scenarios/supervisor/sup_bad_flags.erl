-module(sup_bad_flags).
-export([main/0, init/1]).
% bad supervisor flags: {error, {supervisor_data, Error}}
main() ->
    process_flag(trap_exit, true),
    [element(2, supervisor:start_link(sup_bad_flags, F)) || F <- [
        #{strategy => one_for_two},
        #{intensity => -1},
        #{period => 0},
        #{auto_shutdown => sometimes},
        {one_for_one, 1},
        {rest_for_one, a, 5}]].
init(Flags) -> {ok, {Flags, []}}.
