-module(be_tl_atom).
-export([main/0]).
main() -> erlang:tl(id(a)).
id(X) -> X.
