-module(numeric_equality).
-export([main/0]).
% == compares numbers by value, =:= by type too; maps match keys exactly
main() ->
    One = id(1), OneF = id(1.0), Big = id(1 bsl 64),
    [One == OneF, One =:= OneF, One /= OneF, One =/= OneF,
     One < OneF, OneF < One, Big == 18446744073709551616.0, Big > 1.0e19,
     {One} == {OneF}, [One] =:= [OneF], #{One => a} == #{OneF => a},
     max(One, OneF), min(OneF, One), max(a, 1)].
id(X) -> X.
