-module(type_bifs).
-export([main/0]).
% the type-test BIFs called as functions, on the edge cases of each type
main() ->
    [erlang:is_number(id(1.5)), erlang:is_number(id(a)),
     erlang:is_list(id([])), erlang:is_list(id([a | b])),
     erlang:is_binary(id(<<1:3>>)), erlang:is_bitstring(id(<<1:3>>)),
     erlang:is_boolean(id(false)), erlang:is_boolean(id(nil)),
     erlang:is_atom(id([])), erlang:is_tuple(id({})),
     erlang:is_function(id(fun erlang:abs/1), 1), erlang:is_map(id(#{}))].
id(X) -> X.
