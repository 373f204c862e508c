-module(fmt_io_lib).
-export([main/0]).
% io_lib:format returns characters instead of printing them
main() ->
    S = io_lib:format("~w-~s-~.1f", [x, "y", 2.25]),
    {lists:flatten(S), iolist_to_binary(io_lib:format("~5.2.0f|~p", [3.14159, {1}]))}.
