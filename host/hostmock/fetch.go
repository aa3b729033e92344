package hostmock

import (
	"context"
	"fmt"
	"sync"

	"github.com/execctx/execctx/api"
)

// Fetcher serves fixed bodies by absolute URL; an unknown URL is a 404.
type Fetcher struct {
	Files map[string]string
	// Down makes every fetch fail as a network error with this message.
	Down string

	mu   sync.Mutex
	urls []string
}

// FetchText implements api.Fetch.
func (f *Fetcher) FetchText(_ context.Context, url string) (api.Response, error) {
	f.mu.Lock()
	f.urls = append(f.urls, url)
	f.mu.Unlock()
	if f.Down != "" {
		return api.Response{}, fmt.Errorf("%s", f.Down)
	}
	body, ok := f.Files[url]
	if !ok {
		return api.Response{Status: 404, StatusText: "Not Found"}, nil
	}
	return api.Response{Status: 200, StatusText: "OK", Body: body}, nil
}

// Fetched returns the URLs asked for so far.
func (f *Fetcher) Fetched() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.urls...)
}

// Workers records the workers the guest asked to start.
type Workers struct {
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
func (w *Workers) Spawn(_ context.Context, url string, opts api.WorkerOptions) (uint32, error) {
	if w.Fail != "" {
		return 0, fmt.Errorf("%s", w.Fail)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.spawned = append(w.spawned, Spawned{URL: url, Options: opts})
	return uint32(100 + len(w.spawned) - 1), nil
}

// Spawned returns the workers started so far.
func (w *Workers) Spawned() []Spawned {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]Spawned(nil), w.spawned...)
}
