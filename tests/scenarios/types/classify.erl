-module(classify).
-export([main/0]).
% every type test, in the order a compiler would try them
main() ->
    L = [1, 1 bsl 70, 1.5, true, ok, self(), make_ref(), <<"ab">>, <<1:3>>, [], [a | b], {}, #{}, fun main/0],
    [classify(X) || X <- L].
classify(X) when is_integer(X) -> integer;
classify(X) when is_float(X) -> float;
classify(X) when is_boolean(X) -> boolean;
classify(X) when is_atom(X) -> atom;
classify(X) when is_pid(X) -> pid;
classify(X) when is_reference(X) -> reference;
classify(X) when is_port(X) -> port;
classify(X) when is_binary(X) -> binary;
classify(X) when is_bitstring(X) -> bitstring;
classify([]) -> nil;
classify([_ | _]) -> cons;
classify(X) when is_tuple(X) -> tuple;
classify(X) when is_map(X) -> map;
classify(X) when is_function(X) -> function.
