-module(be_hd_nil).
-export([main/0]).
main() -> erlang:hd(id([])).
id(X) -> X.
