-module(se_timer_sleep_bad).
-export([main/0]).
main() -> timer:sleep(id(soon)).
id(X) -> X.
