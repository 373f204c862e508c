// Package bench is beamlite's bench suite: each benchmark is a .bl program in this directory
// with an Erlang twin in erl/ that does the same work, and Run runs them side by side, the two
// sides interleaved, at one scheduler and at N, and reports the ratios. `beamlite bench` is its
// command line; RESULTS.md holds the latest full run.
//
// A benchmark program's main/1 takes its parameters as arguments (binaries on beamlite,
// strings on the BEAM, through `erl -run`) and prints lines in a fixed format:
//
//	check VALUE              the result of the work, the same on both sides
//	result METRIC VALUE UNIT a figure; UNIT ending in /s is a rate (higher is better),
//	                         any other a cost (lower is better)
//
// Other lines are ignored. Each program times itself with erlang:monotonic_time/1, so the
// start-up of a VM or of erl is not in the figures.
//
// Implementation notes: beamlite's side runs in-process, one fresh VM per run (vm.New with
// the run's scheduler count, its standard output captured); the BEAM's side runs
// `erl +S N -noshell -pa DIR -run MODULE main ARGS… -s erlang halt` on the twins compiled by
// erlc into a temporary directory. The ratio of a metric is beamlite's cost divided by the
// BEAM's (for a rate, the BEAM's rate divided by beamlite's), so 1.0 is "as fast as the BEAM"
// and 3.0 "three times slower", whatever the unit.
//
// Invariants:
//
//  1. Every benchmark in Suite has its .bl program and its twin, and the twin's module has
//     the program's name — TestSuiteFiles.
//  2. When both sides ran, their check lines are equal, or the benchmark failed: the twins do
//     the same work — TestTwinsAgree (with erl on the PATH).
//  3. Every benchmark of the quick suite runs on beamlite and prints its figures —
//     TestQuickSuite.
package bench
