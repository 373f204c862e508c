-module(be_is_function2_neg).
-export([main/0]).
main() -> erlang:is_function(id(f), id(-1)).
id(X) -> X.
