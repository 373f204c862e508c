package main

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/beamlite/beamlite/bench"
)

var benchCommand = &command{
	name:    "bench",
	args:    "[--filter RE] [--quick] [--runs N] [--schedulers N,M] [--vs-beam] [--json FILE] [--svg FILE]",
	summary: "run the bench suite, side by side with the Erlang VM",
	help: `Bench runs the bench suite (the .bl programs of bench/, built into this binary) and prints
a table of each benchmark's figures: beamlite's median, the BEAM's, their ratio (beamlite's
cost over the BEAM's: 1.00 is as fast, 2.00 twice as slow), and each side's min–max spread.
Progress goes to stderr. Each benchmark runs at each scheduler count, by default 1 and the
number of CPUs.

With --vs-beam, each benchmark's Erlang twin (bench/erl/) is compiled with erlc and run on
erl, the two sides alternating, so that the ratio is measured in one run on one machine.
Without erl on the PATH, bench says how to install it and runs beamlite's side alone.

The exit status is 0 when every benchmark ran (whatever its figures), 1 when one failed (its
name and error on stderr), 2 for a usage error.

  --filter RE        run the benchmarks whose name and parameters match RE
  --quick            small parameters and 2 runs, for a smoke test (CI)
  --runs N           runs of each side (default 5; 2 with --quick)
  --schedulers N,M   scheduler counts (default 1 and the number of CPUs)
  --vs-beam          run the Erlang twins on erl too
  --json FILE        write every run's figures to FILE
  --svg FILE         draw the ratios as a bar chart in FILE
`,
	run: runBench,
}

func runBench(c *command, e *env, args []string) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	filter := fs.String("filter", "", "")
	quick := fs.Bool("quick", false, "")
	runs := fs.Int("runs", 0, "")
	scheds := fs.String("schedulers", "", "")
	vsBeam := fs.Bool("vs-beam", false, "")
	jsonFile := fs.String("json", "", "")
	svgFile := fs.String("svg", "", "")
	if err := fs.Parse(args); err != nil {
		return e.usagef(c, "bench: %v", err)
	}
	if fs.NArg() > 0 {
		return e.usagef(c, "bench: unexpected argument %q", fs.Arg(0))
	}
	opts := bench.Options{Quick: *quick, Runs: *runs, VsBeam: *vsBeam, Progress: e.stderr}
	if *runs < 0 {
		return e.usagef(c, "bench: --runs wants a positive number")
	}
	if *filter != "" {
		re, err := regexp.Compile(*filter)
		if err != nil {
			return e.usagef(c, "bench: --filter: %v", err)
		}
		opts.Filter = re
	}
	if *scheds != "" {
		for _, f := range strings.Split(*scheds, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n <= 0 {
				return e.usagef(c, "bench: --schedulers wants positive numbers separated by commas")
			}
			opts.Schedulers = append(opts.Schedulers, n)
		}
	}
	if opts.VsBeam && !bench.HaveErl() {
		e.errorf("bench: %s; running beamlite's side alone", bench.InstallHint)
		opts.VsBeam = false
	}
	rep, err := bench.RunSuite(context.Background(), opts)
	if err != nil {
		e.errorf("bench: %v", err)
		return exitBad
	}
	if len(rep.Cases) == 0 {
		return e.usagef(c, "bench: no benchmark matches %q", *filter)
	}
	rep.WriteTable(e.stdout)
	if *jsonFile != "" {
		data, err := json.MarshalIndent(rep, "", "  ")
		if err == nil {
			err = os.WriteFile(*jsonFile, append(data, '\n'), 0o644)
		}
		if err != nil {
			e.errorf("bench: %v", err)
			return exitBad
		}
	}
	if *svgFile != "" {
		var b strings.Builder
		rep.WriteSVG(&b)
		if err := os.WriteFile(*svgFile, []byte(b.String()), 0o644); err != nil {
			e.errorf("bench: %v", err)
			return exitBad
		}
	}
	if failed := rep.Failed(); len(failed) > 0 {
		for _, f := range failed {
			e.errorf("bench: %s failed: %s", f.Label(), f.Error)
		}
		return exitBad
	}
	return exitOK
}
