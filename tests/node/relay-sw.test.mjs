// The relay's service worker (npm/dist/service-worker.js, PROTOCOL.md "The
// service-worker relay") on its own, in a stand-in service worker global:
// which requests it answers, holding a worker's request until main's
// answer comes (or came first), "not yet" after the hold, stale answers
// and ended workers, and keys that never mix. The browser suite
// (tests/browser/relay.test.mjs) runs it for real.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

const ORIGIN = "http://x.test";
const SW = `${ORIGIN}/dist/service-worker.js`;

/** serviceWorker evaluates the script in a fresh stand-in global and returns its fetch and message entry points. */
async function serviceWorker() {
  const source = await readFile(new URL("../../npm/dist/service-worker.js", import.meta.url), "utf8");
  const listeners = {};
  const self = {
    addEventListener: (type, fn) => {
      listeners[type] = fn;
    },
    location: new URL(SW),
    clients: { claim: async () => {}, matchAll: async () => [started] },
  };
  const started = { postMessage: (m) => (started.said = m) };
  // the relay's BroadcastChannel, where a request that still waits asks the pages
  const channel = { asked: [], postMessage: (m) => channel.asked.push(m) };
  class BroadcastChannel {
    constructor(name) {
      assert.equal(name, "execctx-relay");
      return channel;
    }
  }
  new Function("self", "BroadcastChannel", source)(self, BroadcastChannel);
  // main's answers come over the port a page gives it
  const port = {};
  listeners.message({ data: { execctx: "relay-port" }, ports: [port] });
  return {
    started,
    channel,
    /** fetch sends a request for url; resolves to { status, header, body } or to "not handled". */
    fetch(url) {
      let responded = null;
      listeners.fetch({ request: { url }, respondWith: (r) => (responded = Promise.resolve(r)) });
      if (!responded) return Promise.resolve("not handled");
      return responded.then(async (r) => ({ status: r.status, header: r.headers.get("x-execctx-relay"), body: new Uint8Array(await r.arrayBuffer()) }));
    },
    answer: (key, id, bytes) => port.onmessage({ data: { execctx: "relay-answer", key, id, frame: new Uint8Array(bytes).buffer } }),
    drop: (key) => port.onmessage({ data: { execctx: "relay-drop", key } }),
    listeners,
  };
}

const ask = (key, id, wait = 5000) => `${SW}?execctx-relay=${key}&call=${id}&wait=${wait}`;
const settledSoon = (p) => Promise.race([p, new Promise((resolve) => setTimeout(() => resolve("pending"), 50))]);

test("it answers only the relay's requests, with its header, and ping with its version", async () => {
  const sw = await serviceWorker();
  assert.equal(await sw.fetch(`${ORIGIN}/page.html`), "not handled");
  assert.equal(await sw.fetch(`${SW}?other=1`), "not handled");
  assert.equal(await sw.fetch(`http://elsewhere.test/dist/service-worker.js?execctx-relay=k&call=1`), "not handled");
  const pong = await sw.fetch(`${SW}?execctx-relay=k&ping`);
  assert.deepEqual([pong.status, pong.header, new TextDecoder().decode(pong.body)], [200, "1", "execctx-relay 1"]);
  assert.equal(typeof sw.listeners.activate, "function", "it claims its clients when it activates");
  await new Promise((resolve) => setTimeout(resolve));
  assert.deepEqual(sw.started.said, { execctx: "relay-started" }, "on starting it asks the pages for new ports");
});

test("a request waits for main's answer to its call; an answer that came first is taken at once", async () => {
  const sw = await serviceWorker();
  const waiting = sw.fetch(ask("k", 1));
  assert.equal(await settledSoon(waiting), "pending");
  sw.answer("k", 1, [1, 2, 3]);
  assert.deepEqual([...(await waiting).body], [1, 2, 3]);
  sw.answer("k", 2, [4]);
  const early = await sw.fetch(ask("k", 2));
  assert.deepEqual([early.header, [...early.body]], ["1", [4]]);
});

test("a request held past its wait is answered empty: not yet", async () => {
  const sw = await serviceWorker();
  const r = await sw.fetch(ask("k", 1, 10));
  assert.deepEqual([r.status, r.header, r.body.length], [200, "1", 0]);
});

test("an answer to another call than the one asked for is stale and dropped", async () => {
  const sw = await serviceWorker();
  sw.answer("k", 1, [9]); // call 1 timed out in the worker; it now asks for call 2
  const waiting = sw.fetch(ask("k", 2));
  assert.equal(await settledSoon(waiting), "pending");
  sw.answer("k", 2, [2]);
  assert.deepEqual([...(await waiting).body], [2]);
  assert.equal((await sw.fetch(ask("k", 1, 10))).body.length, 0, "the stale answer is gone");
});

test("a worker that ended: its waiting request is left to its hold, and not asked for on the channel", async () => {
  const sw = await serviceWorker();
  const waiting = sw.fetch(ask("k", 1, 400));
  sw.drop("k");
  // answering at once would race the browser's cancel of the dead worker's request
  assert.equal(await settledSoon(waiting), "pending");
  assert.equal((await waiting).body.length, 0, "the hold ran out: not yet");
  assert.deepEqual(sw.channel.asked, [], "a dropped worker's call is nobody's to answer");
});

test("workers' keys never mix: each request gets its own worker's answer", async () => {
  const sw = await serviceWorker();
  const a = sw.fetch(ask("tab-a", 1));
  const b = sw.fetch(ask("tab-b", 1));
  sw.answer("tab-b", 1, [0xb]);
  sw.answer("tab-a", 1, [0xa]);
  assert.deepEqual([[...(await a).body], [...(await b).body]], [[0xa], [0xb]]);
});

test("a request still waiting after 250 ms asks the pages on the channel, and takes an answer sent there", async () => {
  const sw = await serviceWorker();
  const waiting = sw.fetch(ask("k", 3));
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(sw.channel.asked, [{ execctx: "relay-want", key: "k", id: 3 }]);
  sw.channel.onmessage({ data: { execctx: "relay-answer", key: "k", id: 3, frame: new Uint8Array([7]).buffer } });
  assert.deepEqual([...(await waiting).body], [7]);
});
