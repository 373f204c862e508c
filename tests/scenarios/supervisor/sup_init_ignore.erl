-module(sup_init_ignore).
-export([main/0, init/1]).
% init/1 returning ignore: start_link returns ignore and no supervisor is left
main() ->
    process_flag(trap_exit, true),
    R = supervisor:start_link({local, ignored_sup}, sup_init_ignore, []),
    {R, whereis(ignored_sup)}.
init([]) -> ignore.
