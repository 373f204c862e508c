-module(se_timer_sleep_neg).
-export([main/0]).
main() -> timer:sleep(id(-1)).
id(X) -> X.
