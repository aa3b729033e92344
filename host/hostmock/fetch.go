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
