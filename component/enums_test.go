package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/component/internal/config"
	"github.com/execctx/execctx/component/internal/detect"
	"github.com/execctx/execctx/component/internal/jsval"
	"github.com/execctx/execctx/component/internal/modules"
	"github.com/execctx/execctx/internal/wittypes"
)

// witCases lists every case of a generated WIT enum: the values whose
// String is a WIT name, up to the first one String prints as a number
// ("RuntimeKind(4)"), which no WIT name can look like.
func witCases[T ~uint8 | ~uint16 | ~uint32](t *testing.T) []T {
	var out []T
	for k := T(0); !strings.Contains(fmt.Sprint(k), "("); k++ {
		out = append(out, k)
	}
	require.NotEmpty(t, out)
	return out
}

// checkEveryCase converts every WIT case with convert and compares it
// with want, which must name each case: a WIT case added without its
// conversion fails here rather than turning into another case.
func checkEveryCase[W ~uint8 | ~uint16 | ~uint32, L comparable](t *testing.T, want map[W]L, convert func(W) L) {
	t.Helper()
	cases := witCases[W](t)
	assert.Len(t, want, len(cases), "the table should name every WIT case")
	for _, k := range cases {
		w, ok := want[k]
		if assert.True(t, ok, "WIT case %v has no expected conversion", k) {
			assert.Equal(t, w, convert(k), "WIT case %v", k)
		}
	}
}

func TestRuntimeKinds(t *testing.T) {
	checkEveryCase(t, map[wittypes.RuntimeKind]detect.Runtime{
		wittypes.RuntimeKindBrowser: detect.RuntimeBrowser,
		wittypes.RuntimeKindNode:    detect.RuntimeNode,
		wittypes.RuntimeKindDeno:    detect.RuntimeDeno,
		wittypes.RuntimeKindOther:   detect.RuntimeOther,
	}, toRuntime)
}

func TestConfigOrigins(t *testing.T) {
	checkEveryCase(t, map[wittypes.ConfigOrigin]config.Origin{
		wittypes.ConfigOriginTag:       config.OriginTag,
		wittypes.ConfigOriginAttribute: config.OriginAttribute,
		wittypes.ConfigOriginExplicit:  config.OriginExplicit,
	}, toOrigin)
}

func TestConfigFormats(t *testing.T) {
	checkEveryCase(t, map[wittypes.ConfigFormat]config.Format{
		wittypes.ConfigFormatAuto: config.FormatAuto,
		wittypes.ConfigFormatJSON: config.FormatJSON,
		wittypes.ConfigFormatTOML: config.FormatTOML,
	}, toFormat)
}

// Values cross both ways, so each kind must come back as it went.
func TestValueKinds(t *testing.T) {
	want := map[wittypes.ValueKind]jsval.Kind{
		wittypes.ValueUndefined: jsval.KindUndefined,
		wittypes.ValueNull:      jsval.KindNull,
		wittypes.ValueBoolean:   jsval.KindBool,
		wittypes.ValueNumber:    jsval.KindNumber,
		wittypes.ValueText:      jsval.KindText,
		wittypes.ValueObject:    jsval.KindObject,
	}
	checkEveryCase(t, want, fromValueKind)
	for w, l := range want {
		assert.Equal(t, w, toValueKind(l), "jsval kind %d", l)
	}
}

func TestModuleRealms(t *testing.T) {
	want := map[wittypes.ModuleRealm]modules.Realm{
		wittypes.ModuleRealmLocal: modules.RealmLocal,
		wittypes.ModuleRealmMain:  modules.RealmMain,
	}
	assert.Len(t, want, len(witCases[wittypes.ModuleRealm](t)), "the table should name every WIT case")
	for w, l := range want {
		assert.Equal(t, w, toModuleRealm(l), "modules realm %d", l)
	}
}
