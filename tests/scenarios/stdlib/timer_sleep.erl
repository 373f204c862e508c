-module(timer_sleep).
-export([main/0]).
% timer:sleep waits and leaves the mailbox alone
main() ->
    self() ! kept,
    T0 = erlang:monotonic_time(millisecond),
    ok = timer:sleep(20),
    T1 = erlang:monotonic_time(millisecond),
    {T1 - T0 >= 20, receive M -> M after 0 -> none end}.
