-module(select_val_none).
-export([main/0]).
% a case on atoms with no default clause
main() -> case id(c) of a -> 1; b -> 2 end.
id(X) -> X.
