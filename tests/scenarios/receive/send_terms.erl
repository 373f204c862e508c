-module(send_terms).
-export([main/0, worker/0]).
% every kind of term survives a trip through another process: a fun is called there
main() ->
    W = spawn(send_terms, worker, []),
    Big = list_to_binary(lists:duplicate(1000, $z)),
    Sub = binary_part(Big, 10, 3),
    N = id(5),
    W ! {self(), fun(X) -> X * N end, {Sub, #{k => [1.5, "s"]}, 1 bsl 70, Big}},
    receive {result, R, T} -> {R, element(1, T), element(2, T), element(3, T), byte_size(element(4, T))} end.
worker() ->
    receive {From, F, T} -> From ! {result, F(7), T} end.
id(X) -> X.
