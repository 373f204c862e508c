-module(tuples).
-export([main/0]).
main() ->
    T = id({a, b, c}),
    {tuple_size(T), element(2, T), setelement(2, T, x), tuple_to_list(T), erlang:append_element(T, d)}.
id(X) -> X.
