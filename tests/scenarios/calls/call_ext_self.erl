-module(call_ext_self).
-export([main/0, twice/1, inc/1]).
% fully qualified calls to this module's own exports, body and tail
main() -> call_ext_self:twice(5).
twice(N) -> X = call_ext_self:inc(N), call_ext_self:inc(X * 2).
inc(N) -> N + 1.
