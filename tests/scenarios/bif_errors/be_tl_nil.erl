-module(be_tl_nil).
-export([main/0]).
main() -> erlang:tl(id([])).
id(X) -> X.
