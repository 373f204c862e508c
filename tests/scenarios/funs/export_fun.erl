-module(export_fun).
-export([main/0]).
% external funs (fun M:F/A) are called like closures and pass is_function/2
main() ->
    F = id(fun lists:reverse/1),
    G = id(fun erlang:tuple_size/1),
    {F([1, 2, 3]), G({a, b}), is_function(F, 1), is_function(F, 2)}.
id(X) -> X.
