-module(be_element_bignum_index).
-export([main/0]).
main() -> erlang:element(id(18446744073709551616), id({a})).
id(X) -> X.
