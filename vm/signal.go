package vm

// procSignals is a process's links, monitors and exit-signal state, allocated on first use.
type procSignals struct{}

// handleSignals acts on the signals that arrived since the process last ran (exit signals,
// links, monitors). It returns false when a signal kills the process (p.exc then holds the
// exit reason). Called by Run before the process runs.
func (p *Process) handleSignals() bool { return true }

// exitSignals tells the process's links and monitors that it exited (normally, or with the
// reason in p.exc) and leaves its registered name. Called once, from exit.
func (p *Process) exitSignals(normal bool) {}
