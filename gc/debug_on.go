//go:build beamlitedebug

package gc

// debug turns on the heap verifier after every collection (STYLE G14). Release builds set it
// to false and the compiler drops the checks.
const debug = true
