package api

// Option is WIT's option<T>: Value holds something only when Some is true.
type Option[T any] struct {
	Some  bool
	Value T
}

// Some returns an option holding v.
func Some[T any](v T) Option[T] { return Option[T]{Some: true, Value: v} }

// None returns an empty option.
func None[T any]() Option[T] { return Option[T]{} }
