// Package tests is beamlite's conformance suite: .bl scenarios with their expectations written
// inline, run under several VM configurations, with .erl twins that check the expectations
// themselves against the real Erlang runtime.
//
// A scenario is a file tests/scenarios/GROUP/NAME.bl defining module NAME with main/0. Lines
// starting with %% at the top of the file state what must happen when main/0 runs:
//
//	%% output: a line the program prints (repeat for each line, in order)
//	%% result: the term main/0 returns, in Erlang syntax
//	%% exit: the class and reason of an uncaught exception, e.g. error {badmatch,_}
//
// In a result or exit reason, _ matches any term. A scenario states a result or an exit, not
// both; output lines are optional. `go test ./tests` runs every scenario under every
// configuration (normal, with one scheduler per CPU; one scheduler; a tiny heap so that the
// collector runs at almost every safe point; a budget of one reduction so that a process is
// preempted at every call) and reports each
// scenario/configuration pair as a subtest: a scenario that passes in one configuration and
// fails in another has found a bug.
//
// When NAME.erl sits beside NAME.bl, it is the scenario's twin: the same program in Erlang,
// with the same expectations. `go test ./tests -erl` (CI does this) compiles every twin with erlc
// and checks its expectations on erl, so the expectations are Erlang's answers, not ours.
// What Elixir defines (Task, Agent, …) has a NAME.exs twin instead: a file defining
// defmodule :NAME with main/0, which the same -erl mode runs on elixir (TestReferenceExs,
// skipped when elixir is not installed).
//
// Invariants:
//
//  1. Every scenario declares a result or an exit, and parses — TestScenariosWellFormed.
//  2. Every scenario meets its expectations in every configuration — TestConformance.
//  3. Every twin meets the same expectations on erl — TestReference (with -erl) — or, for an
//     .exs twin, on elixir — TestReferenceExs (with -erl).
package tests
