-module(se_io_format_badarg).
-export([main/0]).
main() -> io:format(id("~p~p"), id([x])).
id(X) -> X.
