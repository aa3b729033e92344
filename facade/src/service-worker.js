// execctx's service-worker relay (PROTOCOL.md, "The service-worker
// relay"). On a page that is not cross-origin isolated, a worker started
// with PyWorker's service_worker option blocks on main's answer in a
// synchronous GET to this service worker, which holds the request until
// main posts it the answer's bytes, then answers with them.
//
// Register it as the service_worker option's URL, or load it into a
// service worker of your own with importScripts(): it answers only
// requests whose query has "execctx-relay" and messages whose data has an
// "execctx" field, and leaves every other request and message alone.
"use strict";

(() => {
  const PARAM = "execctx-relay";
  const VERSION = "1"; // of the protocol: the worker checks it on every answer
  const HOLD_MAX_MS = 10000; // no request is held longer, whatever it asks
  const HEADERS = { "x-execctx-relay": VERSION, "cache-control": "no-store", "content-type": "application/octet-stream" };
  const EMPTY = new ArrayBuffer(0); // the answer "not yet": ask again
  const ASK_MS = 250; // a request still waiting then asks the pages whether its answer went astray

  // One slot per waiting worker (its key): the request waiting for an
  // answer, and an answer that came before its request. A worker waits on
  // one call at a time, so each holds at most one.
  const slots = new Map(); // key → { waiter: { id, settle } | null, answer: { id, frame } | null }

  const slot = (key) => {
    let s = slots.get(key);
    if (!s) slots.set(key, (s = { waiter: null, answer: null }));
    return s;
  };
  const forget = (key, s) => s.waiter === null && s.answer === null && slots.delete(key);

  // answered: main's answer to call id of worker key.
  function answered(key, id, frame) {
    const s = slot(key);
    if (s.waiter?.id === id) return s.waiter.settle(frame);
    s.answer = { id, frame };
  }

  // wait resolves to the frame of call id's answer, or to EMPTY after ms.
  function wait(key, id, ms) {
    const s = slot(key);
    const early = s.answer;
    s.answer = null; // an answer to any other call is stale: the worker no longer waits for it
    if (early?.id === id) {
      forget(key, s);
      return Promise.resolve(early.frame);
    }
    s.waiter?.settle(EMPTY); // an earlier request of the worker's, which it abandoned
    return new Promise((resolve) => {
      const waiter = {
        id,
        settle: (frame) => {
          clearTimeout(timer);
          if (s.waiter === waiter) s.waiter = null;
          forget(key, s);
          resolve(frame);
        },
      };
      const timer = setTimeout(() => waiter.settle(EMPTY), ms);
      s.waiter = waiter;
      setTimeout(() => s.waiter === waiter && slots.get(key) === s && ask(key, id), ASK_MS);
    });
  }

  // ask tells the pages that call id of worker key still waits here, on
  // the relay's BroadcastChannel: the page that answered it already sends
  // the answer again on the channel, which reaches this very service
  // worker. Answers can miss it: a page may know another version of it as
  // the active one (an update that activated, or was replaced, while the
  // page was not looking), and a browser may not pass messages from a
  // service worker to a page it does not control.
  const channel = new BroadcastChannel("execctx-relay");
  channel.onmessage = (event) => received(event.data);
  function ask(key, id) {
    channel.postMessage({ execctx: "relay-want", key, id });
  }

  // dropped: the worker ended, and its slot goes. A request it still has
  // held here is not answered now: the browser is cancelling it, and an
  // answer that races the cancel reaches a worker being terminated, which
  // Firefox reports on the page as "A ServiceWorker intercepted the request
  // and encountered an unexpected error". It ends on its hold's timer.
  function dropped(key) {
    slots.delete(key);
  }

  const respond = (body) => new Response(body, { headers: HEADERS });

  self.addEventListener("fetch", (event) => {
    const url = new URL(event.request.url);
    const key = url.searchParams.get(PARAM);
    if (key === null || url.origin !== self.location.origin) return;
    if (url.searchParams.has("ping")) return event.respondWith(respond(`execctx-relay ${VERSION}`));
    const id = Number(url.searchParams.get("call"));
    const ms = Math.min(Math.max(Number(url.searchParams.get("wait")) || 0, 0), HOLD_MAX_MS);
    event.respondWith(wait(key, id, ms).then(respond));
  });

  // Main's messages: answers and ended workers, over the port each page
  // gives (relay-port), which reaches this thread directly.
  function received(data) {
    if (data?.execctx === "relay-answer") answered(data.key, data.id, data.frame);
    else if (data?.execctx === "relay-drop") dropped(data.key);
  }

  self.addEventListener("message", (event) => {
    if (event.data?.execctx !== "relay-port" || !event.ports[0]) return;
    event.ports[0].onmessage = (e) => received(e.data);
  });

  // A service worker that was stopped (idle) and starts again has lost
  // the pages' ports: ask every page for a new one, and for the answers
  // that may have gone to the old.
  self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((pages) => {
    for (const page of pages) page.postMessage({ execctx: "relay-started" });
  });

  // A page's first visit: control it (and its workers) as soon as this
  // service worker is active, so that the worker main starts next is
  // served by the relay without a reload.
  self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
})();
