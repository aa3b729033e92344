// execctx's relay, registered where its scope (this folder) holds neither
// the test page nor the workers' script: it controls nothing the relay
// needs (relay.test.mjs).
importScripts("../../execctx/dist/service-worker.js");
