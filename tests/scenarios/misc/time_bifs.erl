-module(time_bifs).
-export([main/0]).
% clocks move forward, and time units convert with flooring
main() ->
    T1 = erlang:monotonic_time(), T2 = erlang:monotonic_time(),
    S = erlang:system_time(second),
    {T2 >= T1, is_integer(S), S > 1600000000,
     erlang:convert_time_unit(1, second, millisecond), erlang:convert_time_unit(1500, millisecond, second),
     erlang:convert_time_unit(-1500, millisecond, second), erlang:convert_time_unit(3, second, microsecond),
     erlang:monotonic_time(millisecond) =< erlang:monotonic_time(millisecond)}.
