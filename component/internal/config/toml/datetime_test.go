package toml

import (
	"math/rand"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestDateTimesAgainstTime: the by-hand conversions of datetime.go give
// what Go's time package gives, on random date-times of every kind from
// year 0 to 9999, with random offsets and fractions.
func TestDateTimesAgainstTime(t *testing.T) {
	r := rand.New(rand.NewSource(1979))
	for range 20_000 {
		// Any instant of years 0..9999, to the nanosecond.
		at := time.Date(r.Intn(10_000), time.Month(1+r.Intn(12)), 1+r.Intn(31), r.Intn(24), r.Intn(60), r.Intn(60), r.Intn(1e9), time.UTC)
		if at.Year() > 9999 {
			continue
		}
		offset := (r.Intn(24*60*2-1) - (24*60 - 1)) * 60 // -23:59 to +23:59
		local := at.In(time.FixedZone("", offset))
		if y := local.Year(); y < 0 || y > 9999 {
			continue // not writable in TOML
		}
		digits := r.Intn(12)
		text := local.Format("2006-01-02T15:04:05") + fraction(local, digits) + local.Format("Z07:00")
		got, err := Parse("a = " + text)
		require.NoError(t, err, text)
		want := at.Truncate(time.Duration(pow10(9 - min(digits, 9)))).Truncate(time.Millisecond)
		require.Equal(t, jsonDate(want), got["a"], text)

		localText := local.Format("2006-01-02 15:04:05") + fraction(local, digits)
		got, err = Parse("a = " + localText + "\nb = " + localText[11:] + "\nc = " + localText[:10])
		require.NoError(t, err, localText)
		truncated := local.Truncate(time.Duration(pow10(9 - min(digits, 9))))
		require.Equal(t, truncated.Format("2006-01-02T15:04:05.999999999"), got["a"], localText)
		require.Equal(t, truncated.Format("15:04:05.999999999"), got["b"], localText)
		require.Equal(t, local.Format("2006-01-02"), got["c"], localText)
	}
}

// TestExpandedYears: instants that UTC puts outside 0000-9999 are
// written as a JS Date's toJSON writes them.
func TestExpandedYears(t *testing.T) {
	for text, want := range map[string]string{
		"0000-01-01T00:00:00+00:01":      "-000001-12-31T23:59:00.000Z",
		"0000-01-01T23:00:00.1234+23:59": "-000001-12-31T23:01:00.123Z",
		"9999-12-31T23:59:59.999-00:01":  "+010000-01-01T00:00:59.999Z",
		"0000-01-01T00:01:00+00:01":      "0000-01-01T00:00:00.000Z",
	} {
		got, err := Parse("a = " + text)
		require.NoError(t, err)
		require.Equal(t, want, got["a"], text)
	}
}

// fraction is "." and the first digits digits of t's nanoseconds, with
// random padding past nine digits (which TOML allows and truncates).
func fraction(t time.Time, digits int) string {
	if digits == 0 {
		return ""
	}
	ns := strconv.Itoa(t.Nanosecond() + 1e9)[1:]
	if digits > 9 {
		return "." + ns + "123"[:digits-9]
	}
	return "." + ns[:digits]
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

// jsonDate is what JSON.stringify writes for a JS Date at t.
func jsonDate(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}
