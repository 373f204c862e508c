-module(be_convert_time_unit).
-export([main/0]).
main() -> erlang:convert_time_unit(id(1), id(bad), id(second)).
id(X) -> X.
