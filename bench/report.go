package bench

import (
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Machine describes where a report was measured.
type Machine struct {
	CPU        string `json:"cpu"`
	Cores      int    `json:"cores"`
	Schedulers []int  `json:"schedulers"`
	GOOS       string `json:"goos"`
	GOARCH     string `json:"goarch"`
	Go         string `json:"go"`
	OTP        string `json:"otp,omitempty"`
	Revision   string `json:"revision,omitempty"` // beamlite's VCS revision, when built from a checkout
	Date       string `json:"date"`
}

func machine(schedulers []int, vsBeam bool) Machine {
	m := Machine{CPU: cpuModel(), Cores: runtime.NumCPU(), Schedulers: schedulers, GOOS: runtime.GOOS,
		GOARCH: runtime.GOARCH, Go: runtime.Version(), Date: time.Now().UTC().Format("2006-01-02 15:04 UTC")}
	if vsBeam {
		out, err := exec.Command("erl", "-noshell", "-eval",
			`io:format("~s (erts ~s)", [erlang:system_info(otp_release), erlang:system_info(version)]), halt().`).Output()
		if err == nil {
			m.OTP = "OTP " + strings.TrimSpace(string(out))
		}
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				m.Revision = s.Value[:12]
			}
		}
	}
	return m
}

// cpuModel is the first "model name" of /proc/cpuinfo, or the architecture.
func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				return strings.TrimSpace(v)
			}
		}
	}
	return runtime.GOARCH
}

// Describe is the machine in one line.
func (m Machine) Describe() string {
	var s []string
	for _, n := range m.Schedulers {
		s = append(s, fmt.Sprint(n))
	}
	text := fmt.Sprintf("%s, %d cores, %s/%s, %s", m.CPU, m.Cores, m.GOOS, m.GOARCH, m.Go)
	if m.OTP != "" {
		text += ", Erlang/" + m.OTP
	}
	if m.Revision != "" {
		text += ", beamlite " + m.Revision
	}
	return text + "; schedulers " + strings.Join(s, " and ") + "; " + m.Date
}

// Row is one line of the table: one metric of one case.
type Row struct {
	Case   *Case
	Metric Metric
	// Beamlite and BEAM are the sides' figures; a side that did not run has none.
	Beamlite, BEAM []float64
}

// Rows is the table's lines: every metric of every case that ran.
func (r *Report) Rows() []Row {
	var rows []Row
	for _, c := range r.Cases {
		for _, m := range c.Metrics {
			rows = append(rows, Row{Case: c, Metric: m, Beamlite: c.Values(Beamlite, m.Name), BEAM: c.Values(BEAM, m.Name)})
		}
	}
	return rows
}

// Ratio is beamlite's cost over the BEAM's (1.0: as fast; 2.0: twice as slow), from the
// medians; false when a side has no figures.
func (r Row) Ratio() (float64, bool) {
	if len(r.Beamlite) == 0 || len(r.BEAM) == 0 {
		return 0, false
	}
	bl, beam := Median(r.Beamlite), Median(r.BEAM)
	if r.Metric.Rate() {
		bl, beam = beam, bl
	}
	if beam == 0 {
		return 0, false
	}
	return bl / beam, true
}

// Median is the middle value (the mean of the two middle ones for an even count).
func Median(vs []float64) float64 {
	if len(vs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(vs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// Num formats a figure with three significant digits or so, large ones with k or M.
func Num(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v):
		return "–"
	case a >= 1e7:
		return fmt.Sprintf("%.1fM", v/1e6)
	case a >= 1e6:
		return fmt.Sprintf("%.2fM", v/1e6)
	case a >= 1e4:
		return fmt.Sprintf("%.0fk", v/1e3)
	case a >= 100:
		return fmt.Sprintf("%.0f", v)
	case a >= 10:
		return fmt.Sprintf("%.1f", v)
	case a >= 1:
		return fmt.Sprintf("%.2f", v)
	default:
		return fmt.Sprintf("%.3g", v)
	}
}

// RatioText formats a ratio with two decimals, or two significant digits below 0.1.
func RatioText(x float64) string {
	if x < 0.1 {
		return fmt.Sprintf("%.2g", x)
	}
	return fmt.Sprintf("%.2f", x)
}

func spread(vs []float64) string {
	if len(vs) == 0 {
		return "–"
	}
	return Num(slices.Min(vs)) + "–" + Num(slices.Max(vs))
}

func unit(u string) string { return strings.ReplaceAll(u, "us", "µs") }

// WriteTable writes the report as a Markdown table (which reads as well in a terminal), the
// machine, and the cases that were skipped or failed.
func (r *Report) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "| benchmark | parameters | sched | metric | beamlite | BEAM | ratio | unit | beamlite min–max | BEAM min–max |\n")
	fmt.Fprintf(w, "|---|---|--:|---|--:|--:|--:|---|--:|--:|\n")
	for _, row := range r.Rows() {
		ratio := "–"
		if x, ok := row.Ratio(); ok {
			ratio = RatioText(x)
		}
		bl, beam := "–", "–"
		if len(row.Beamlite) > 0 {
			bl = Num(Median(row.Beamlite))
		}
		if len(row.BEAM) > 0 {
			beam = Num(Median(row.BEAM))
		}
		fmt.Fprintf(w, "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |\n", row.Case.Benchmark, row.Case.Params,
			row.Case.Schedulers, row.Metric.Name, bl, beam, ratio, unit(row.Metric.Unit), spread(row.Beamlite), spread(row.BEAM))
	}
	fmt.Fprintf(w, "\nMedians of %d runs per side", r.Runs)
	if r.VsBeam {
		fmt.Fprintf(w, ", the two sides alternating")
	}
	fmt.Fprintf(w, ". ratio = beamlite's cost ÷ the BEAM's (for a rate, the BEAM's rate ÷ beamlite's): 1.00 is as fast, 2.00 twice as slow.\n")
	fmt.Fprintf(w, "Machine: %s.\n", r.Machine.Describe())
	for _, c := range r.Cases {
		if c.Skipped != "" {
			fmt.Fprintf(w, "Skipped: %s: %s.\n", c.Label(), c.Skipped)
		}
	}
	for _, c := range r.Failed() {
		fmt.Fprintf(w, "FAILED: %s: %s\n", c.Label(), c.Error)
	}
}

// WriteSVG draws the ratios as horizontal bars on a logarithmic axis, 1.0 marked: a bar to
// the right of it is a benchmark where beamlite is slower than the BEAM, to the left faster.
func (r *Report) WriteSVG(w io.Writer) {
	type bar struct {
		label string
		ratio float64
	}
	var bars []bar
	lo, hi := 0.5, 2.0
	var prev *Case
	var shown []float64 // the ratios drawn for prev
	for _, row := range r.Rows() {
		x, ok := row.Ratio()
		if !ok {
			continue
		}
		if row.Case != prev {
			prev, shown = row.Case, nil
		}
		// A figure derived from another (a rate from a time) has its ratio: draw it once.
		if slices.ContainsFunc(shown, func(y float64) bool { return math.Abs(x-y) <= 1e-6*y }) {
			continue
		}
		shown = append(shown, x)
		label := fmt.Sprintf("%s %s · %s · %d sched", row.Case.Benchmark, row.Case.Params, row.Metric.Name, row.Case.Schedulers)
		bars = append(bars, bar{label, x})
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	// The axis runs over whole powers of two, down to axisFloor at most: a latency ratio can be
	// 1/10,000 (a round trip that waits for no time slice against one that waits for four),
	// and an axis that reached it would squeeze every other bar; such bars end at the left
	// edge, their value printed beside them.
	const axisFloor = 1.0 / 64
	clipped := lo < axisFloor
	lo = max(lo, axisFloor)
	lo = math.Pow(2, math.Floor(math.Log2(lo)))
	hi = math.Pow(2, math.Ceil(math.Log2(hi)))
	// The labels' column fits the longest label (about 6.6 px a character at 12 px).
	labelW := 430
	for _, b := range bars {
		labelW = max(labelW, int(float64(utf8.RuneCountInString(b.label))*6.6)+16)
	}
	const (
		padW  = 50 // room for the value of a bar that reaches the left end
		plotW = 520
		barH  = 22
		top   = 70
	)
	width := labelW + padW + plotW + 70
	height := top + barH*max(len(bars), 1) + 50
	xOf := func(v float64) float64 {
		v = max(v, lo)
		return float64(labelW+padW) + plotW*(math.Log2(v)-math.Log2(lo))/(math.Log2(hi)-math.Log2(lo))
	}
	// Grid lines at powers of two, at most 12 of them.
	step := math.Pow(2, math.Ceil((math.Log2(hi)-math.Log2(lo))/12))
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(w, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(w, `<text x="10" y="22" font-size="16" font-weight="bold">beamlite's cost ÷ the BEAM's, for the same work (lower is better for beamlite)</text>`+"\n")
	fmt.Fprintf(w, `<text x="10" y="42" fill="#555">%s</text>`+"\n", html.EscapeString(r.Machine.Describe()))
	clipNote := ""
	if clipped {
		clipNote = fmt.Sprintf("; cut at %s", RatioText(lo))
	}
	fmt.Fprintf(w, `<text x="%d" y="60" fill="#555">← beamlite faster · beamlite slower →   (log scale; medians of %d runs per side%s)</text>`+"\n", labelW+padW, r.Runs, clipNote)
	axisY := top + barH*max(len(bars), 1)
	for v := 1 / math.Pow(step, math.Floor(math.Log(1/lo)/math.Log(step))); v <= hi*1.0001; v *= step {
		x := xOf(v)
		fmt.Fprintf(w, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>`+"\n", x, top-4, x, axisY)
		tick := fmt.Sprintf("%.3g×", v)
		if v < 1 {
			tick = fmt.Sprintf("1/%.0f", 1/v) // shorter than 0.0156×
		}
		fmt.Fprintf(w, `<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%s</text>`+"\n", x, axisY+16, tick)
	}
	for i, b := range bars {
		y := top + i*barH
		x0, x1 := xOf(1), xOf(b.ratio)
		color := "#d9534f" // beamlite slower
		if b.ratio < 1 {
			color = "#2e8b57"
		}
		fmt.Fprintf(w, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", labelW-8, y+15, html.EscapeString(b.label))
		fmt.Fprintf(w, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>`+"\n", math.Min(x0, x1), y+3, math.Max(math.Abs(x1-x0), 1), barH-6, color)
		tx, anchor := x1+4, "start"
		if b.ratio < 1 {
			tx, anchor = x1-4, "end"
		}
		fmt.Fprintf(w, `<text x="%.1f" y="%d" text-anchor="%s">%s</text>`+"\n", tx, y+15, anchor, RatioText(b.ratio))
	}
	if len(bars) == 0 {
		fmt.Fprintf(w, `<text x="%d" y="%d" fill="#555">no ratios: run with --vs-beam</text>`+"\n", labelW+padW, top+15)
	}
	x := xOf(1)
	fmt.Fprintf(w, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="black" stroke-width="2"/>`+"\n", x, top-4, x, axisY)
	fmt.Fprintf(w, `<text x="%.1f" y="%d" text-anchor="middle" font-weight="bold">1.0 = as fast as the BEAM</text>`+"\n", x, axisY+34)
	fmt.Fprintf(w, "</svg>\n")
}
