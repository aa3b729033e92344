package hostmock

import (
	"context"
	"sync"

	"github.com/execctx/execctx/api"
)

// Environment reports a fixed Report and config sources, and records warnings.
type Environment struct {
	Report  api.Report
	Sources []api.ConfigSource

	mu       sync.Mutex
	warnings []string
}

// Describe returns e.Report.
func (e *Environment) Describe(context.Context) api.Report { return e.Report }

// ConfigSources returns e.Sources.
func (e *Environment) ConfigSources(context.Context) []api.ConfigSource { return e.Sources }

// Warn records message.
func (e *Environment) Warn(_ context.Context, message string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.warnings = append(e.warnings, message)
}

// Warnings returns the warnings printed so far.
func (e *Environment) Warnings() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.warnings...)
}

// ExplicitConfig is a config source of origin explicit: given to
// createContext, or as a worker's config option.
func ExplicitConfig(text string, format api.ConfigFormat) api.ConfigSource {
	return api.ConfigSource{Origin: api.ConfigOriginExplicit, Text: text, Format: format}
}

// TagConfig is a <py-config> (or <mpy-config>) element's content or src.
func TagConfig(text string, format api.ConfigFormat) api.ConfigSource {
	return api.ConfigSource{Origin: api.ConfigOriginTag, Text: text, Format: format}
}

// AttributeConfig is a config="..." attribute of a main-thread script.
func AttributeConfig(text string) api.ConfigSource {
	return api.ConfigSource{Origin: api.ConfigOriginAttribute, Text: text, Format: api.ConfigFormatAuto}
}
