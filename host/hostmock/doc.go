// Package hostmock has plain fakes of every execctx host, for tests of code
// that embeds package host and for the Go demo.
//
// MainHosts and WorkerHosts return the hosts of the two usual contexts over
// one shared fake page (DOM), the way a browser's worker reaches main's
// document through its proxy. Each fake records what the guest asked of it.
package hostmock
