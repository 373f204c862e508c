-module(se_string_length_atom).
-export([main/0]).
main() -> string:length(id(abc)).
id(X) -> X.
