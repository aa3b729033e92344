package host

import "github.com/execctx/execctx/internal/cabi"

// Opt is WIT's option<T>, as used in Report and WorkerOptions.
type Opt[T any] = cabi.Option[T]

// Some returns an option holding v.
func Some[T any](v T) Opt[T] { return cabi.Some(v) }

// None returns an empty option.
func None[T any]() Opt[T] { return cabi.None[T]() }
