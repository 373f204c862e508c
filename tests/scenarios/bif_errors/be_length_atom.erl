-module(be_length_atom).
-export([main/0]).
main() -> erlang:length(id(a)).
id(X) -> X.
