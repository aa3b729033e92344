package hostmock

import (
	"context"
	"fmt"
	"sync"

	"github.com/execctx/execctx/api"
)

// Spawner is a fake worker host (api.Worker): it starts nothing, and
// records the workers the guest asked to start.
type Spawner struct {
	// Fail makes Spawn fail with this message.
	Fail string

	mu      sync.Mutex
	spawned []Spawned
}

// Spawned is one recorded Spawn.
type Spawned struct {
	URL     string
	Options api.WorkerOptions
}

// Spawn implements api.Worker; handles count up from 100.
func (w *Spawner) Spawn(_ context.Context, url string, opts api.WorkerOptions) (uint32, error) {
	if w.Fail != "" {
		return 0, fmt.Errorf("%s", w.Fail)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.spawned = append(w.spawned, Spawned{URL: url, Options: opts})
	return uint32(100 + len(w.spawned) - 1), nil
}

// Spawned returns the workers started so far.
func (w *Spawner) Spawned() []Spawned {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]Spawned(nil), w.spawned...)
}
