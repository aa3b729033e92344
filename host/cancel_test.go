package host_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

// The deadlines below only trigger cancellation: no test asserts how long
// anything took. They are long enough that the call has started when they
// pass (a slow import waits for them however long they are), and, in the
// guest case, a fraction of the seconds its config takes to load.

// stalling is a set of hosts whose imports can be made to stall: while
// stallWarn or stallFetch is set, Warn or FetchText calls it before
// answering, as a slow host would (it waits for the deadline, or cancels
// the call itself).
// describes counts Describe calls: a guest instance asks once and keeps
// the report, so the count goes up exactly when a fresh instance starts.
type stalling struct {
	*hostmock.Hosts
	stallWarn  func(ctx context.Context)
	stallFetch func(ctx context.Context)
	describes  atomic.Int32
}

func newStalling(h *hostmock.Hosts) *stalling { return &stalling{Hosts: h} }

func (s *stalling) imports() host.Imports {
	imports := s.Hosts.Imports()
	imports.Environment, imports.Fetch = s, s
	return imports
}

func (s *stalling) Describe(ctx context.Context) api.Report {
	s.describes.Add(1)
	return s.Env.Describe(ctx)
}

func (s *stalling) ConfigSources(ctx context.Context) []api.ConfigSource {
	return s.Env.ConfigSources(ctx)
}

func (s *stalling) Warn(ctx context.Context, message string) {
	if s.stallWarn != nil {
		s.stallWarn(ctx)
	}
	s.Env.Warn(ctx, message)
}

func (s *stalling) FetchText(ctx context.Context, url string) (api.Response, error) {
	if s.stallFetch != nil {
		s.stallFetch(ctx)
	}
	return s.Fetch.FetchText(ctx, url)
}

// untilDone stalls until the call's deadline has passed.
func untilDone(ctx context.Context) { <-ctx.Done() }

// bigConfig is a JSON config that takes the guest seconds to load, so a
// call loading it is still running guest code when a short deadline passes.
// 90,000 packages are 978,905 bytes: just within the guest's 1 MiB limit
// on a config (MaxConfigBytes), which refuses a larger one at once.
func bigConfig() api.ConfigSource {
	var b strings.Builder
	b.WriteString(`{"packages": [`)
	for i := range 90_000 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"pkg%d"`, i)
	}
	b.WriteString(`]}`)
	return hostmock.TagConfig(b.String(), api.ConfigFormatJSON)
}

// stopCase is one way for a call to be stopped: where its ctx is done.
type stopCase struct {
	id string
	// setup prepares the hosts for the stopped call, given cancel for ctx.
	setup func(s *stalling, cancel context.CancelFunc)
	// stopped is the call that is stopped, and later repeated.
	stopped func(c *host.Context, ctx context.Context) error
	// deadline bounds the stopped call; zero means the test cancels it.
	deadline time.Duration
	// cause, when set, is what the test cancels the call with.
	cause error
	// want is the error the stopped call wraps.
	want error
	// text is the start of that error's message.
	text string
}

func config(c *host.Context, ctx context.Context) error { _, err := c.Config(ctx); return err }
func window(c *host.Context, ctx context.Context) error { _, err := c.Window(ctx); return err }

// stopCases: a deadline and a cancellation, each while the guest waits
// for a host import that returns a value (fetch), one that returns
// nothing (warn), and while the guest itself is running.
func stopCases() []stopCase {
	const deadlineText = "execctx: config: stopped because the call's deadline passed"
	const cancelText = "execctx: config: stopped because the call was cancelled"
	big := bigConfig() // built here, not after the deadline's clock starts
	return []stopCase{
		{id: "deadline in fetch", deadline: 100 * time.Millisecond, stopped: config, want: context.DeadlineExceeded, text: deadlineText,
			setup: func(s *stalling, _ context.CancelFunc) { s.stallFetch = untilDone }},
		{id: "cancel in fetch", stopped: config, want: context.Canceled, text: cancelText,
			setup: func(s *stalling, cancel context.CancelFunc) { s.stallFetch = func(context.Context) { cancel() } }},
		{id: "cancel with a cause", stopped: config, want: context.Canceled, cause: errors.New("page unloaded"), text: cancelText,
			setup: func(s *stalling, cancel context.CancelFunc) { s.stallFetch = func(context.Context) { cancel() } }},
		{id: "deadline in warn", deadline: 100 * time.Millisecond, stopped: window, want: context.DeadlineExceeded,
			text:  "execctx: window: stopped because the call's deadline passed",
			setup: func(s *stalling, _ context.CancelFunc) { s.stallWarn = untilDone }},
		{id: "cancel in warn", stopped: window, want: context.Canceled,
			text:  "execctx: window: stopped because the call was cancelled",
			setup: func(s *stalling, cancel context.CancelFunc) { s.stallWarn = func(context.Context) { cancel() } }},
		{id: "deadline in the guest", deadline: 200 * time.Millisecond, stopped: config, want: context.DeadlineExceeded, text: deadlineText,
			setup: func(s *stalling, _ context.CancelFunc) { s.Env.Sources = []api.ConfigSource{big} }},
		{id: "cancel in the guest", stopped: config, want: context.Canceled, text: cancelText,
			setup: func(s *stalling, cancel context.CancelFunc) {
				s.Env.Sources = []api.ConfigSource{big}
				time.AfterFunc(200*time.Millisecond, cancel)
			}},
	}
}

// TestStoppedCallKeepsItsCause: a call whose ctx is cancelled or passes
// its deadline fails with an error that wraps ctx.Err() and says so, not
// as a trap; the next call on the Context runs on a fresh instance.
func TestStoppedCallKeepsItsCause(t *testing.T) {
	rt := newRuntime(t)
	for _, tc := range stopCases() {
		t.Run(tc.id, func(t *testing.T) {
			// A worker without SharedArrayBuffer, so that Window warns,
			// with a config to fetch, so that Config fetches.
			s := newStalling(hostmock.WorkerHosts(hostmock.NewPage(), "pyodide", false))
			s.Env.Sources = []api.ConfigSource{hostmock.AttributeConfig("./c.json")}
			s.Fetch.Files["https://example.test/app/c.json"] = `{"a": 1}`
			c, err := rt.NewContext(context.Background(), s.imports())
			require.NoError(t, err)
			defer c.Close(context.Background())

			ctx, cancel := stopContext(tc)
			defer cancel()
			tc.setup(s, cancel)
			err = tc.stopped(c, ctx)
			if tc.cause == nil {
				checkStopped(t, err, tc.want, tc.text, tc.want.Error())
			} else {
				checkStopped(t, err, tc.want, tc.text, tc.want.Error()+": "+tc.cause.Error())
				require.ErrorIs(t, err, tc.cause, "the cause is wrapped too")
			}

			s.stallWarn, s.stallFetch = nil, nil
			s.Env.Sources = []api.ConfigSource{hostmock.AttributeConfig("./c.json")}
			before := s.describes.Load()
			require.NoError(t, tc.stopped(c, context.Background()), "the call after")
			assert.NotEqual(t, before, s.describes.Load(), "the call after ran on the stopped instance; want a fresh one")
		})
	}
}

// stopContext is the ctx of tc's stopped call, and what cancels it.
func stopContext(tc stopCase) (context.Context, context.CancelFunc) {
	switch {
	case tc.deadline > 0:
		return context.WithTimeout(context.Background(), tc.deadline)
	case tc.cause != nil:
		ctx, cancel := context.WithCancelCause(context.Background())
		return ctx, func() { cancel(tc.cause) }
	}
	return context.WithCancel(context.Background())
}

// checkStopped checks that err is a stopped call's error wrapping want,
// whose message starts with text and ends with end.
func checkStopped(t *testing.T, err, want error, text, end string) {
	t.Helper()
	require.ErrorIs(t, err, want)
	var stopped *host.CanceledError
	require.ErrorAs(t, err, &stopped)
	require.NotErrorIs(t, err, host.ErrTrapped, "a stopped call is not a trap")
	msg := err.Error()
	require.True(t, strings.HasPrefix(msg, text) && strings.HasSuffix(msg, end), "err = %q; want %q ... %q", msg, text, end)
}

// TestDoneContextStartsNoCall: a call whose ctx is already done fails
// without starting the guest, and leaves the instance as it was.
func TestDoneContextStartsNoCall(t *testing.T) {
	s := newStalling(hostmock.MainHosts(hostmock.NewPage(), "pyodide"))
	c, err := newRuntime(t).NewContext(context.Background(), s.imports())
	require.NoError(t, err)
	defer c.Close(context.Background())
	_, err = c.RunningInWorker(context.Background())
	require.NoError(t, err)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.Config(ctx)
	checkStopped(t, err, context.Canceled, "execctx: config: not started because the call was cancelled", "context canceled")

	_, err = c.Config(context.Background())
	require.NoError(t, err, "the call after")
	assert.Equal(t, int32(1), s.describes.Load(), "Describe calls: one, by the one instance")
}
