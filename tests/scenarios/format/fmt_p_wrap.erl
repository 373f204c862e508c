-module(fmt_p_wrap).
-export([main/0]).
% ~p breaks a term that does not fit in 80 columns over several lines
main() -> io:format("~p~n", [{lists:seq(1, 30), [{key, "value"}, {other, <<"binary">>}]}]).
