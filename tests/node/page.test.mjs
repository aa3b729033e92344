// Config sources of a page (spec §3.1), read by the default context of a
// main thread from a minimal stand-in for the DOM whose querySelectorAll
// honours the selectors execctx asks for.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createContext } from "../../npm/dist/index.js";

/**
 * matcher compiles one compound selector of the forms execctx uses: a tag
 * name, then any of [attr], [attr="value"] and :not([attr]). Anything else
 * throws, so that a selector the fake cannot honour fails the test.
 */
function matcher(compound) {
  const m = compound.trim().match(/^([a-z][a-z-]*)?((?:\[[^\]]+\]|:not\(\[[^\]]+\]\))*)$/);
  if (!m) throw new Error(`the fake DOM cannot match ${JSON.stringify(compound)}`);
  const checks = [...m[2].matchAll(/(:not\()?\[([a-z-]+)(?:="([^"]*)")?\]\)?/g)].map(([, not, name, value]) => (el) => {
    const has = Object.hasOwn(el.attrs, name) && (value === undefined || el.attrs[name] === value);
    return not ? !has : has;
  });
  return (el) => (!m[1] || el.tag === m[1]) && checks.every((check) => check(el));
}

/** fakeDocument holds elements ({ tag, attrs, text }) in document order. */
function fakeDocument(elements) {
  const nodes = elements.map(({ tag, attrs = {}, text = "" }) => ({
    tag,
    attrs,
    textContent: text,
    getAttribute: (name) => (Object.hasOwn(attrs, name) ? attrs[name] : null),
  }));
  return {
    querySelectorAll(selector) {
      const any = selector.split(",").map(matcher);
      return nodes.filter((el) => any.some((match) => match(el)));
    },
  };
}

async function withPage(elements, fn) {
  globalThis.document = fakeDocument(elements);
  try {
    return await fn();
  } finally {
    delete globalThis.document;
  }
}

/** A directory holding files, and its file: URL as a page's base. */
async function site(files) {
  const dir = await mkdtemp(join(tmpdir(), "execctx-page-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return pathToFileURL(dir + "/").href;
}

const config = (interpreter, baseURL) => createContext({ interpreter, baseURL }).then((c) => c.config);

test("the fake DOM honours selectors", () => {
  const doc = fakeDocument([{ tag: "script", attrs: { type: "py", config: "a", worker: "" } }, { tag: "script", attrs: { type: "mpy", config: "b" } }]);
  assert.deepEqual(doc.querySelectorAll('script[type="mpy"][config]:not([worker])').map((e) => e.attrs.config), ["b"]);
  assert.deepEqual(doc.querySelectorAll("script[config]:not([worker]), py-config").map((e) => e.attrs.config), ["b"]);
  assert.throws(() => doc.querySelectorAll("div > p"), /cannot match/);
});

test("C13 an inline <mpy-config> in TOML", async () => {
  const ctx = await withPage([{ tag: "mpy-config", text: '[js_modules.main]\n"./m.js" = "m"' }], () => createContext({ interpreter: "mpy" }));
  assert.deepEqual(ctx.config.js_modules, { main: { "./m.js": "m" } });
  assert.equal(ctx.config.type, "mpy");
});

test("each interpreter reads its own <py-config> or <mpy-config>", async () => {
  const page = [{ tag: "py-config", text: "a = 1" }, { tag: "mpy-config", text: "b = 2" }];
  await withPage(page, async () => {
    assert.deepEqual(await config("py"), { a: 1, type: "py" });
    assert.deepEqual(await config("mpy"), { b: 2, type: "mpy" });
  });
});

test("<py-config src> is fetched relative to the page", async () => {
  const baseURL = await site({ "app.toml": 'name = "from src"' });
  await withPage([{ tag: "py-config", attrs: { src: "./app.toml" } }], async () => {
    assert.deepEqual(await config("py", baseURL), { name: "from src", type: "py" });
  });
});

test("the config attribute alone, on script[type] and on <type-script>", async () => {
  const baseURL = await site({ "a.json": '{"a": 1}', "b.toml": "b = 2" });
  await withPage([{ tag: "script", attrs: { type: "py", config: "./a.json" } }], async () => {
    assert.deepEqual(await config("py", baseURL), { a: 1, type: "py" });
    assert.deepEqual(await config("mpy", baseURL), { type: "mpy" }, "a py script's config is not MicroPython's");
  });
  await withPage([{ tag: "mpy-script", attrs: { config: "./b.toml" } }], async () => {
    assert.deepEqual(await config("mpy", baseURL), { b: 2, type: "mpy" });
  });
});

test("a worker script's config attribute is the worker's, not main's", async () => {
  const baseURL = await site({ "main.toml": "m = 1", "worker.toml": "w = 1" });
  const page = [
    { tag: "script", attrs: { type: "py", worker: "", config: "./worker.toml" } },
    { tag: "py-script", attrs: { worker: "", config: "./worker.toml" } },
    { tag: "script", attrs: { type: "py", config: "./main.toml" } },
  ];
  await withPage(page, async () => {
    assert.deepEqual(await config("py", baseURL), { m: 1, type: "py" }, "no PY0409: the worker scripts do not count");
  });
});

test("C14 C15 C16 conflicts carry PY0409", async () => {
  await withPage([{ tag: "py-config", text: "a = 1" }, { tag: "py-config", text: "b = 1" }], () =>
    assert.rejects(createContext({ interpreter: "py" }), { message: "(PY0409): Too many py-config" }));
  await withPage([{ tag: "py-config", text: "a = 1" }, { tag: "script", attrs: { type: "py", config: "x.toml" } }], () =>
    assert.rejects(createContext({ interpreter: "py" }), { message: "(PY0409): Ambiguous py-config VS config attribute" }));
  await withPage([{ tag: "script", attrs: { type: "py", config: "first.toml" } }, { tag: "py-script", attrs: { config: "second.toml" } }], () =>
    assert.rejects(createContext({ interpreter: "py" }), { message: "(PY0409): Unable to use different configs on main" }));
});

test("C22 a forced type that contradicts the extension", async () => {
  await withPage([{ tag: "py-config", attrs: { src: "x.toml", type: "json" } }], () =>
    assert.rejects(createContext({ interpreter: "py" }), { message: "(PY1000): Invalid URL: x.toml\nexpected json content" }));
});
