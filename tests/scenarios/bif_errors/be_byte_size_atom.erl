-module(be_byte_size_atom).
-export([main/0]).
main() -> erlang:byte_size(id(foo)).
id(X) -> X.
