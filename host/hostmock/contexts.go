package hostmock

import (
	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host"
)

// Hosts bundles the fakes behind one Imports, so tests can inspect them.
type Hosts struct {
	Env     *Environment
	Page    *Page
	Spawner *Spawner
	Fetch   *Fetcher
}

// Imports returns the host.Imports backed by h.
func (h *Hosts) Imports() host.Imports {
	return host.Imports{Environment: h.Env, Window: h.Page, Document: h.Page, Worker: h.Spawner, Fetch: h.Fetch}
}

// MainHosts returns hosts for a browser main thread with a page.
func MainHosts(page *Page, interpreter string) *Hosts {
	return &Hosts{
		Env: &Environment{Report: api.Report{
			HasDocument: true, SyncUsable: true, Runtime: api.RuntimeKindBrowser,
			Interpreter: interpreter, BaseURL: "https://example.test/app/",
		}},
		Page: page, Spawner: &Spawner{}, Fetch: &Fetcher{Files: map[string]string{}},
	}
}

// WorkerHosts returns hosts for a browser worker started by PyWorker, so
// with a channel to its main thread, whose window and document are proxies
// of page when syncUsable (SharedArrayBuffer) is true. For a worker that
// other code started, set Env.Report.MainChannel to false.
func WorkerHosts(page *Page, interpreter string, syncUsable bool) *Hosts {
	h := MainHosts(page, interpreter)
	h.Env.Report.InWorker = true
	h.Env.Report.MainChannel = true
	h.Env.Report.SyncUsable = syncUsable
	return h
}
