-module(compare_tests).
-export([main/0]).
% the comparison test instructions, each on equal-valued numbers of different types
main() ->
    A = id(2), B = id(2.0),
    [t(A == B), t(A /= B), t(A =:= B), t(A =/= B), t(A < B), t(A >= B),
     t({a, 1} < {a, 2}), t({b} < {a, a}), t("abc" >= "abd")].
t(true) -> yes;
t(false) -> no.
id(X) -> X.
