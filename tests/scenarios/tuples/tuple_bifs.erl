-module(tuple_bifs).
-export([main/0]).
% building and reshaping tuples with BIFs
main() ->
    T = id({b, c}),
    {erlang:make_tuple(3, x), erlang:make_tuple(4, 0, [{2, a}, {4, b}]),
     erlang:insert_element(1, T, a), erlang:delete_element(2, T),
     list_to_tuple([1, 2, 3]), tuple_to_list({}), erlang:append_element({}, z)}.
id(X) -> X.
