-module(bin_prefix).
-export([main/0]).
% literal prefixes, then backtracking to try another clause on the same binary
main() -> [req(B) || B <- id([<<"GET /a">>, <<"POST /b">>, <<"PUT /c">>, <<"GE">>, <<"GETX">>])].
req(<<"GET ", Path/binary>>) -> {get, Path};
req(<<"POST ", Path/binary>>) -> {post, Path};
req(<<M:3/binary, " ", _/binary>>) -> {other, M};
req(_) -> bad.
id(X) -> X.
