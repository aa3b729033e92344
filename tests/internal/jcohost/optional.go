package jcohost

import (
	"errors"
	"os"
)

// RequireEnv names the variable that makes a missing bridge an error, not
// a reason to leave jco out: make sets it, so that `make test` always
// runs both engines while a bare `go test` on a machine without Node or a
// built npm/dist still runs the wazero half.
const RequireEnv = "EXECCTX_REQUIRE_JCO"

// Optional starts the bridge for a suite that may run without it. When
// Node or the npm package is missing and RequireEnv is not set, it
// returns no Runtime and why (absent); any other failure is err.
func Optional(opts Options) (rt *Runtime, absent, err error) {
	rt, err = NewRuntime(opts)
	if errors.Is(err, ErrUnavailable) && os.Getenv(RequireEnv) == "" {
		return nil, err, nil
	}
	return rt, nil, err
}
