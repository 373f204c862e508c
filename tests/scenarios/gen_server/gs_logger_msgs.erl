-module(gs_logger_msgs).
-export([main/0]).

%% error_logger's functions return ok and write to standard error only (nothing on standard output),
%% even for a format that does not match its arguments
main() ->
    A = error_logger:error_msg("an error: ~p~n", [1]),
    B = error_logger:error_msg("an error~n"),
    C = error_logger:warning_msg("a warning: ~p~n", [{x, 2}]),
    D = error_logger:warning_msg("a warning~n"),
    E = error_logger:info_msg("some info: ~s~n", ["text"]),
    F = error_logger:info_msg("some info~n"),
    G = error_logger:error_report({report, 3}),
    H = error_logger:error_msg("a bad format ~p ~p", [1]),
    {A, B, C, D, E, F, G, H}.
