package vm

// procExt is the state most processes never use, allocated on first use: the process
// dictionary, a registered name, a non-normal priority, heap limits set by process_flag.
type procExt struct{}
