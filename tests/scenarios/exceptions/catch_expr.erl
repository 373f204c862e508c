-module(catch_expr).
-export([main/0]).
main() -> [catching(ball, erlang, throw), catching(bye, erlang, exit), catching(oops, erlang, error)].
catching(A, M, F) -> catch M:F(A).
