module github.com/execctx/execctx/tools

go 1.26

require (
	github.com/andybalholm/brotli v1.2.8
	github.com/tetratelabs/wazero v1.9.0
	go.bytecodealliance.org v0.7.0
)

require github.com/coreos/go-semver v0.3.1 // indirect
