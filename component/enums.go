package main

import (
	"github.com/execctx/execctx/component/internal/config"
	"github.com/execctx/execctx/component/internal/detect"
	"github.com/execctx/execctx/component/internal/jsval"
	"github.com/execctx/execctx/component/internal/modules"
	"github.com/execctx/execctx/internal/wittypes"
)

// The WIT enums and the logic packages' own enums convert case by case, by
// name. Their numbers happen to agree, but nothing keeps them in step: a
// WIT case added or reordered must not silently change what a value means.
// enums_test.go checks every WIT case. Lifting traps on a discriminant the
// WIT does not have, so the default branches see only the cases named.

func toRuntime(k wittypes.RuntimeKind) detect.Runtime {
	switch k {
	case wittypes.RuntimeKindBrowser:
		return detect.RuntimeBrowser
	case wittypes.RuntimeKindNode:
		return detect.RuntimeNode
	case wittypes.RuntimeKindDeno:
		return detect.RuntimeDeno
	}
	return detect.RuntimeOther
}

func toOrigin(o wittypes.ConfigOrigin) config.Origin {
	switch o {
	case wittypes.ConfigOriginTag:
		return config.OriginTag
	case wittypes.ConfigOriginAttribute:
		return config.OriginAttribute
	}
	return config.OriginExplicit
}

func toFormat(f wittypes.ConfigFormat) config.Format {
	switch f {
	case wittypes.ConfigFormatJSON:
		return config.FormatJSON
	case wittypes.ConfigFormatTOML:
		return config.FormatTOML
	}
	return config.FormatAuto
}

func toValueKind(k jsval.Kind) wittypes.ValueKind {
	switch k {
	case jsval.KindNull:
		return wittypes.ValueNull
	case jsval.KindBool:
		return wittypes.ValueBoolean
	case jsval.KindNumber:
		return wittypes.ValueNumber
	case jsval.KindText:
		return wittypes.ValueText
	case jsval.KindObject:
		return wittypes.ValueObject
	}
	return wittypes.ValueUndefined
}

func fromValueKind(k wittypes.ValueKind) jsval.Kind {
	switch k {
	case wittypes.ValueNull:
		return jsval.KindNull
	case wittypes.ValueBoolean:
		return jsval.KindBool
	case wittypes.ValueNumber:
		return jsval.KindNumber
	case wittypes.ValueText:
		return jsval.KindText
	case wittypes.ValueObject:
		return jsval.KindObject
	}
	return jsval.KindUndefined
}

func toModuleRealm(r modules.Realm) wittypes.ModuleRealm {
	if r == modules.RealmMain {
		return wittypes.ModuleRealmMain
	}
	return wittypes.ModuleRealmLocal
}
