package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm"
)

// The two sides of a comparison, as Run.Side names them.
const (
	Beamlite = "beamlite"
	BEAM     = "beam"
)

// InstallHint says how to get erl, for --vs-beam without it.
const InstallHint = "erl is not on the PATH: install Erlang/OTP (apt-get install -y erlang-nox) to compare with the BEAM"

// Options say what Run runs.
type Options struct {
	Filter     *regexp.Regexp // run the benchmarks whose label matches (nil: all)
	Quick      bool           // the quick parameters (CI smoke runs)
	Runs       int            // runs of each side (default 5, or 2 when Quick)
	VsBeam     bool           // run the Erlang twins too (needs erl and erlc on the PATH)
	Schedulers []int          // scheduler counts to run each benchmark at (default 1 and NumCPU)
	Timeout    time.Duration  // for one run (default 10 minutes, 1 minute when Quick)
	Progress   io.Writer      // where progress goes (nil: nowhere)
}

// Run is one run of one side: the figures its program printed.
type Run struct {
	Side    string             `json:"side"`
	Index   int                `json:"index"`
	Figures map[string]float64 `json:"figures"` // metric → value
	Check   string             `json:"check"`
	Seconds float64            `json:"seconds"` // wall time of the whole run, start-up included
}

// Case is one benchmark at one scheduler count: all its runs, or why it has none.
type Case struct {
	Benchmark  string   `json:"benchmark"`
	Params     string   `json:"params"`
	Args       []string `json:"args"`
	Schedulers int      `json:"schedulers"`
	Metrics    []Metric `json:"metrics"` // in the order the program prints them
	Runs       []Run    `json:"runs"`
	Skipped    string   `json:"skipped,omitempty"` // why it did not run (not a failure)
	Error      string   `json:"error,omitempty"`   // why it failed
}

// Metric is a figure's name and unit.
type Metric struct {
	Name string `json:"name"`
	Unit string `json:"unit"`
}

// Rate reports whether higher values of the metric are better.
func (m Metric) Rate() bool { return strings.HasSuffix(m.Unit, "/s") }

// Label is the case's benchmark, parameters and scheduler count.
func (c *Case) Label() string {
	return fmt.Sprintf("%s %s (%d sched)", c.Benchmark, c.Params, c.Schedulers)
}

// Values returns one side's figures for metric m, in run order.
func (c *Case) Values(side, m string) []float64 {
	var vs []float64
	for _, r := range c.Runs {
		if v, ok := r.Figures[m]; ok && r.Side == side {
			vs = append(vs, v)
		}
	}
	return vs
}

// Report is what Run measured.
type Report struct {
	Machine Machine `json:"machine"`
	Quick   bool    `json:"quick"`
	Runs    int     `json:"runs"`
	VsBeam  bool    `json:"vs_beam"`
	Cases   []*Case `json:"cases"`
}

// Failed returns the cases that failed.
func (r *Report) Failed() []*Case {
	var f []*Case
	for _, c := range r.Cases {
		if c.Error != "" {
			f = append(f, c)
		}
	}
	return f
}

// RunSuite runs the benchmarks of Suite that opts select. A benchmark that fails is recorded
// in its Case and the others still run; the error is for what stops the whole suite (the
// twins do not compile).
func RunSuite(ctx context.Context, opts Options) (*Report, error) {
	if opts.Runs <= 0 {
		opts.Runs = 5
		if opts.Quick {
			opts.Runs = 2
		}
	}
	if len(opts.Schedulers) == 0 {
		opts.Schedulers = []int{1}
		if n := runtime.NumCPU(); n > 1 {
			opts.Schedulers = append(opts.Schedulers, n)
		}
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Minute
		if opts.Quick {
			opts.Timeout = time.Minute
		}
	}
	progress := opts.Progress
	if progress == nil {
		progress = io.Discard
	}
	var selected []Benchmark
	for _, b := range Suite {
		if opts.Filter == nil || opts.Filter.MatchString(b.Label(opts.Quick)) {
			selected = append(selected, b)
		}
	}
	rep := &Report{Quick: opts.Quick, Runs: opts.Runs, VsBeam: opts.VsBeam}
	var beam *beamSide
	if opts.VsBeam {
		dir, err := os.MkdirTemp("", "beamlite-bench-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		if beam, err = compileTwins(ctx, dir, selected); err != nil {
			return nil, err
		}
	}
	rep.Machine = machine(opts.Schedulers, opts.VsBeam)
	bl := &beamliteSide{notes: progress}
	start := time.Now()
	total := len(selected) * len(opts.Schedulers)
	n := 0
	for _, b := range selected {
		for _, s := range opts.Schedulers {
			n++
			args := b.Args
			if opts.Quick {
				args = b.Quick
			}
			c := &Case{Benchmark: b.Name, Params: b.ParamText(opts.Quick), Args: args, Schedulers: s}
			rep.Cases = append(rep.Cases, c)
			for i := 0; i < opts.Runs && c.Error == "" && c.Skipped == ""; i++ {
				sides := []side{bl}
				if beam != nil {
					sides = append(sides, beam)
				}
				for _, sd := range sides {
					fmt.Fprintf(progress, "[%d/%d] %s: run %d/%d %s… (%s elapsed)\n", n, total, c.Label(),
						i+1, opts.Runs, sd.name(), time.Since(start).Round(time.Second))
					rctx, cancel := context.WithTimeout(ctx, opts.Timeout)
					t0 := time.Now()
					out, err := sd.run(rctx, b, args, s)
					cancel()
					var skip *skipError
					switch {
					case errors.As(err, &skip):
						c.Skipped = skip.why
					case err == nil:
						err = c.add(sd.name(), i, out, time.Since(t0))
					}
					if err != nil && c.Skipped == "" {
						c.Error = fmt.Sprintf("%s: %v", sd.name(), err)
					}
					if c.Error != "" || c.Skipped != "" {
						break
					}
				}
			}
			if c.Skipped != "" {
				fmt.Fprintf(progress, "%s: skipped: %s\n", c.Label(), c.Skipped)
			}
			if c.Error == "" && c.Skipped == "" {
				c.Error = c.compareChecks()
			}
			if c.Error != "" {
				fmt.Fprintf(progress, "%s: FAILED: %s\n", c.Label(), c.Error)
			}
		}
	}
	return rep, nil
}

// add parses one run's output into c.
func (c *Case) add(side string, index int, out string, wall time.Duration) error {
	figs, metrics, check, err := ParseOutput(out)
	if err != nil {
		return err
	}
	if len(c.Metrics) == 0 {
		c.Metrics = metrics
	} else if fmt.Sprint(metrics) != fmt.Sprint(c.Metrics) {
		return fmt.Errorf("printed the figures %v, the other side %v", metrics, c.Metrics)
	}
	c.Runs = append(c.Runs, Run{Side: side, Index: index, Figures: figs, Check: check, Seconds: wall.Seconds()})
	return nil
}

// compareChecks returns an error text when two runs disagree on the result of the work.
func (c *Case) compareChecks() string {
	for _, r := range c.Runs[1:] {
		if r.Check != c.Runs[0].Check {
			return fmt.Sprintf("the runs disagree on the result: %s printed check %q, %s printed %q",
				c.Runs[0].Side, c.Runs[0].Check, r.Side, r.Check)
		}
	}
	return ""
}

var resultLine = regexp.MustCompile(`^result ([a-z_0-9]+) (-?[0-9.]+(?:e[-+]?[0-9]+)?) (\S+)$`)

// ParseOutput reads a benchmark program's output: its figures by metric, the metrics in the
// order printed, and its check value. Output with no result line is an error.
func ParseOutput(out string) (figs map[string]float64, metrics []Metric, check string, err error) {
	figs = map[string]float64{}
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		if v, ok := strings.CutPrefix(line, "check "); ok {
			check = v
			continue
		}
		m := resultLine.FindStringSubmatch(line)
		if m == nil {
			if strings.HasPrefix(line, "result ") {
				return nil, nil, "", fmt.Errorf("bad result line %q", line)
			}
			continue
		}
		v, perr := strconv.ParseFloat(m[2], 64)
		if perr != nil {
			return nil, nil, "", fmt.Errorf("bad value in %q", line)
		}
		if _, dup := figs[m[1]]; dup {
			return nil, nil, "", fmt.Errorf("metric %s printed twice", m[1])
		}
		figs[m[1]] = v
		metrics = append(metrics, Metric{Name: m[1], Unit: m[3]})
	}
	if len(metrics) == 0 {
		return nil, nil, "", fmt.Errorf("printed no result line; output: %q", clip(out))
	}
	return figs, metrics, check, nil
}

func clip(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}

// side runs one benchmark program on one VM.
type side interface {
	name() string
	run(ctx context.Context, b Benchmark, args []string, schedulers int) (string, error)
}

// skipError says that a benchmark cannot run yet (a library function is missing).
type skipError struct{ why string }

func (e *skipError) Error() string { return e.why }

// beamliteSide runs programs in this process, a fresh VM for each run.
type beamliteSide struct {
	mu      sync.Mutex
	modules map[string]*bytecode.Module
	notes   io.Writer       // the VM's notices (refused pinning) go here, once each
	noted   map[string]bool // guarded by mu
}

func (s *beamliteSide) name() string { return Beamlite }

func (s *beamliteSide) module(name string) (*bytecode.Module, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m := s.modules[name]; m != nil {
		return m, nil
	}
	src, err := files.ReadFile(name + ".bl")
	if err != nil {
		return nil, err
	}
	m, err := asm.Assemble(name+".bl", src)
	if err != nil {
		return nil, err
	}
	if s.modules == nil {
		s.modules = map[string]*bytecode.Module{}
	}
	s.modules[name] = m
	return m, nil
}

func (s *beamliteSide) logf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.noted == nil {
		s.noted = map[string]bool{}
	}
	if !s.noted[msg] {
		s.noted[msg] = true
		fmt.Fprintf(s.notes, "beamlite: %s\n", strings.TrimSpace(msg))
	}
}

// syncBuffer is a bytes.Buffer that processes on several schedulers may write to.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (s *beamliteSide) run(ctx context.Context, b Benchmark, args []string, schedulers int) (string, error) {
	m, err := s.module(b.Module)
	if err != nil {
		return "", err
	}
	var out, errOut syncBuffer
	runtime.GC() // leave the previous run's garbage out of this one
	v, err := vm.New(vm.Options{Schedulers: schedulers, Stdout: &out, Stderr: &errOut, Logf: s.logf})
	if err != nil {
		return "", err
	}
	stopped := false
	defer func() {
		if !stopped {
			v.Stop(context.Background())
		}
	}()
	for _, r := range b.Requires {
		mod, fa, _ := strings.Cut(r, ":")
		fun, ar, _ := strings.Cut(fa, "/")
		arity, _ := strconv.Atoi(ar)
		if !v.Exported(mod, fun, arity) {
			return "", &skipError{why: fmt.Sprintf("beamlite's standard library has no %s yet", r)}
		}
	}
	if err := v.Load(m); err != nil {
		return "", err
	}
	list := value.List{}
	for _, a := range args {
		list = append(list, value.Binary(a))
	}
	done := make(chan error, 1)
	go func() {
		_, err := v.Apply(b.Module, "main", list)
		var ee *vm.ExitError
		if errors.As(err, &ee) {
			err = errors.New(strings.TrimSpace(ee.Report()))
		}
		done <- err
	}()
	select {
	case err = <-done:
	case <-ctx.Done():
		stopped = true
		v.Stop(context.Background())
		return out.String(), fmt.Errorf("gave up: %w", ctx.Err())
	}
	if err != nil {
		if e := strings.TrimSpace(errOut.String()); e != "" {
			err = fmt.Errorf("%w\n%s", err, e)
		}
		return out.String(), err
	}
	return out.String(), nil
}

// beamSide runs the compiled twins on erl.
type beamSide struct {
	dir string // the compiled .beam files
}

func (s *beamSide) name() string { return BEAM }

func (s *beamSide) run(ctx context.Context, b Benchmark, args []string, schedulers int) (string, error) {
	cmdArgs := append([]string{"+S", strconv.Itoa(schedulers)}, b.ErlFlags...)
	cmdArgs = append(cmdArgs, "-noshell", "-pa", s.dir, "-run", b.Module, "main")
	cmdArgs = append(cmdArgs, args...)
	cmdArgs = append(cmdArgs, "-s", "erlang", "halt") // not init:stop, whose orderly shutdown takes a second
	cmd := exec.CommandContext(ctx, "erl", cmdArgs...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("gave up: %w", ctx.Err())
		}
		return out.String(), fmt.Errorf("erl %s: %v\n%s%s", strings.Join(cmdArgs, " "), err, clip(out.String()), clip(errOut.String()))
	}
	return out.String(), nil
}

// HaveErl reports whether erl and erlc are on the PATH.
func HaveErl() bool {
	_, err1 := exec.LookPath("erl")
	_, err2 := exec.LookPath("erlc")
	return err1 == nil && err2 == nil
}

// compileTwins writes the twins of bs into dir and compiles them there with erlc.
func compileTwins(ctx context.Context, dir string, bs []Benchmark) (*beamSide, error) {
	if !HaveErl() {
		return nil, errors.New(InstallHint)
	}
	seen := map[string]bool{}
	var srcs []string
	for _, b := range bs {
		if seen[b.Module] {
			continue
		}
		seen[b.Module] = true
		src, err := files.ReadFile("erl/" + b.Module + ".erl")
		if err != nil {
			return nil, err
		}
		path := filepath.Join(dir, b.Module+".erl")
		if err := os.WriteFile(path, src, 0o644); err != nil {
			return nil, err
		}
		srcs = append(srcs, path)
	}
	sort.Strings(srcs)
	if len(srcs) > 0 {
		out, err := exec.CommandContext(ctx, "erlc", append([]string{"-o", dir}, srcs...)...).CombinedOutput()
		if err != nil {
			return nil, fmt.Errorf("erlc: %v\n%s", err, out)
		}
	}
	return &beamSide{dir: dir}, nil
}
