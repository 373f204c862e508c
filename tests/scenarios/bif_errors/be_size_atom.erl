-module(be_size_atom).
-export([main/0]).
main() -> erlang:size(id(a)).
id(X) -> X.
