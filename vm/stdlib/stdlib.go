package stdlib

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/bytecode"
)

//go:embed *.bl
var files embed.FS

var (
	once    sync.Once
	modules []*bytecode.Module
	loadErr error
)

// Modules returns the standard library's modules, assembled once. The modules are shared:
// callers must not change them.
func Modules() ([]*bytecode.Module, error) {
	once.Do(func() { modules, loadErr = assembleAll() })
	return modules, loadErr
}

func assembleAll() ([]*bytecode.Module, error) {
	entries, err := files.ReadDir(".")
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	var ms []*bytecode.Module
	for _, name := range names {
		src, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		m, err := asm.Assemble(path.Join("stdlib", name), src)
		if err != nil {
			return nil, err
		}
		if want := strings.TrimSuffix(name, ".bl"); string(m.Name) != want {
			return nil, fmt.Errorf("stdlib: %s defines module %s, not %s", name, m.Name, want)
		}
		ms = append(ms, m)
	}
	return ms, nil
}
