-module(after_timeout).
-export([main/0]).
% a receive with a timeout gives up after the time, leaving the unmatched message queued
main() ->
    self() ! unrelated,
    A = receive expected -> yes after 20 -> timed_out end,
    B = receive X -> X after 0 -> none end,
    {A, B}.
