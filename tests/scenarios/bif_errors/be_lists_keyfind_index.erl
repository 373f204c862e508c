-module(be_lists_keyfind_index).
-export([main/0]).
main() -> lists:keyfind(id(a), id(0), id([])).
id(X) -> X.
