//go:build !beamlitedebug

package gc

// debug turns on the heap verifier after every collection; see debug_on.go.
const debug = false
