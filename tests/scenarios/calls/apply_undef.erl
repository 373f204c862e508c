-module(apply_undef).
-export([main/0]).
-compile(nowarn_unused_function).
% a dynamic call to a function that the module does not export
main() -> M = id(apply_undef), F = id(hidden), M:F(1).
hidden(X) -> X.
id(X) -> X.
