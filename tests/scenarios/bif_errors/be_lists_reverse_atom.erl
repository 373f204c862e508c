-module(be_lists_reverse_atom).
-export([main/0]).
main() -> lists:reverse(id(a)).
id(X) -> X.
