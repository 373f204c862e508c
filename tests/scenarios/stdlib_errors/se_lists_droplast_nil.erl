-module(se_lists_droplast_nil).
-export([main/0]).
main() -> lists:droplast(id([])).
id(X) -> X.
