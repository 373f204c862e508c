-module(catch_depth).
-export([main/0]).
% 1,000 nested catches, one per recursion level; the innermost error is caught once and the
% levels above see a value
main() -> nest(1000).
nest(0) -> error(bottom);
nest(N) ->
    case catch nest(N - 1) of
        {'EXIT', {bottom, _}} -> {caught_at, N};
        {caught_at, K} -> {caught_at, K};
        Other -> Other
    end.
