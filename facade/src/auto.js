// execctx/auto: a PyScript page, run unchanged with execctx in place of
// PyScript's core.js. The page loads this one module,
//
//   <script type="module" src="./node_modules/execctx/dist/bundle/auto.js"></script>
//
// and its tags run as PyScript runs them: <script type="py|mpy">,
// <py-script>, <mpy-script>, with or without `worker`, configured by
// <py-config>/<mpy-config> or config attributes. This file only finds the
// tags and wires the DOM. The component reads each tag (page-script: its
// type, worker or main, src or code, async, a worker's id, name and
// config, and PyScript's error for a tag it refuses), picks each type's
// config and words its conflicts, validates each worker, and makes each
// script's output element (current_target).
//
// As in PyScript: each type has one interpreter on main, whose scripts
// share their globals and start one after another in document order;
// one that may await at top level (the default) does not hold up the
// next, one with async="false" does. Workers start first. A config error
// stops every tag of its type and a main script's error is shown on the
// page, in a div.py-error at the end of <body>; a worker tag's error goes
// to the console only, as PyScript's does. Each tag fires PyScript's
// {type}:ready (main tags) and {type}:done events, and window py:all-done
// once every tag is done.

import { createContext, pageScript } from "./context.js";
import { startPython } from "./python/run.js";
import { load } from "./load.js";

const TAGS = 'script[type="py"], script[type="mpy"], py-script, mpy-script';
const CONFIG_TAGS = "py-config, mpy-config";

/** notify shows message on the page as PyScript's error plugin does, and on the console. */
function notify(error) {
  const message = error instanceof Error ? error.message : String(error);
  const div = document.createElement("div");
  div.className = "py-error";
  div.textContent = message;
  div.style.cssText = "white-space: pre; overflow-x: auto; font-family: monospace; color: black; background: #fdd; border: 1px solid red; padding: 8px; margin-top: 8px";
  document.body.append(div);
  console.error(error);
}

/** dispatch fires PyScript's `{type}:{what}` event ("ready" or "done") on a tag; it bubbles, and detail.worker says where the tag ran. */
function dispatch(tag, what, worker) {
  tag.element.dispatchEvent(new CustomEvent(`${tag.scriptType}:${what}`, { bubbles: true, detail: { worker } }));
}

/**
 * allDone fires PyScript's py:all-done on window once every tag is done;
 * never when one was refused (it never runs), as in PyScript.
 */
function allDone(tags, refused) {
  if (refused) return;
  const done = tags.map((tag) => new Promise((resolve) => tag.element.addEventListener(`${tag.scriptType}:done`, resolve, { once: true })));
  Promise.all(done).then(() => dispatchEvent(new Event("py:all-done")));
}

/** readTags reads every tag of the page, in document order, with one context, so that worker ids count across types. */
async function readTags() {
  const reader = await createContext({ config: {} }); // its own config is never used
  const tags = [];
  let refused = 0;
  for (const element of document.querySelectorAll(TAGS)) {
    try {
      tags.push({ element, ...pageScript(reader, element) });
    } catch (e) {
      notify(e); // a tag PyScript refuses does not run
      refused++;
    }
  }
  return { tags, refused };
}

/**
 * runType runs the tags of one type: its workers, then its main scripts
 * in order. The context reads the type's config from the page; an error
 * there stops them all.
 */
async function runType(type, tags) {
  let running = null; // the main tag started last: what current_target() names, as in PyScript
  let context;
  try {
    context = await createContext({ interpreter: type, currentScript: () => running });
  } catch (e) {
    return notify(e);
  }
  for (const tag of tags.filter((t) => t.worker)) startWorker(context, tag);
  const mains = tags.filter((t) => !t.worker);
  if (!mains.length) return;
  let python;
  try {
    python = await startPython({ type, context });
  } catch (e) {
    return notify(e);
  }
  for (const tag of mains) {
    try {
      const code = tag.src === undefined ? tag.code : await load(tag.src, "text", "the script's Python file");
      if (tag.element.localName !== "script") {
        tag.element.replaceChildren(); // a <py-script> is its own output element
        tag.element.style.display = "block";
      }
      running = tag.element;
      context.current_target(); // its output element exists before its code runs, as in PyScript
      dispatch(tag, "ready", false);
      // done even after an error, as PyScript's
      const run = python.run(code, { async: tag.runAsync }).catch(notify).then(() => dispatch(tag, "done", false));
      if (!tag.runAsync) await run;
    } catch (e) {
      notify(e);
    }
  }
}

/** startWorker starts a worker tag through PyWorker, which validates it. */
function startWorker(context, tag) {
  try {
    const url = tag.src ?? URL.createObjectURL(new Blob([tag.code], { type: "text/plain" }));
    const worker = context.PyWorker(url, {
      type: tag.scriptType,
      config: tag.config ?? context.config, // no config attribute: the main config of its type
      async: tag.runAsync,
      id: tag.id,
      name: tag.name,
      service_worker: tag.serviceWorker,
    });
    // main learns when the worker's script has run (PyScript's worker says so itself)
    worker.ready.catch((e) => console.error(e)).then(() => dispatch(tag, "done", true));
  } catch (e) {
    notify(e);
  }
}

/** runPage runs the page's tags, each type on its own (a config error stops one type). */
async function runPage() {
  // PyScript's stylesheet hides the config tags; this page may not load it.
  for (const el of document.querySelectorAll(CONFIG_TAGS)) el.style.display = "none";
  const { tags, refused } = await readTags();
  allDone(tags, refused);
  const types = new Set(tags.map((t) => t.scriptType));
  for (const el of document.querySelectorAll(CONFIG_TAGS)) types.add(el.localName.replace(/-config$/, ""));
  await Promise.all([...types].map((type) => runType(type, tags.filter((t) => t.scriptType === type))));
}

// A module script runs once the page is parsed, unless it is async.
if (document.readyState === "loading") await new Promise((done) => document.addEventListener("DOMContentLoaded", done, { once: true }));
await runPage().catch(notify); // execctx itself failed to start (say, the component could not be fetched)
