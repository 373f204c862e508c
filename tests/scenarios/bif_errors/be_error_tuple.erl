-module(be_error_tuple).
-export([main/0]).
main() -> erlang:error(id({my, reason})).
id(X) -> X.
