-module(be_is_process_alive_atom).
-export([main/0]).
main() -> erlang:is_process_alive(id(a)).
id(X) -> X.
