package bytecode_test

import "github.com/beamlite/beamlite/bytecode"

// validSeedModules are hand-written modules that pass the verifier, as fuzz seeds.
func validSeedModules() []*bytecode.Module {
	return nil
}
