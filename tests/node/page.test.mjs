// Config sources of a page (spec §3.1), read by the default context of a
// main thread from a minimal stand-in for the DOM.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createContext } from "../../npm/dist/index.js";

// fakeDocument answers the two selectors execctx asks a page.
function fakeDocument({ tags = [], attributes = [] }) {
  const element = ({ text = "", attrs = {} }) => ({ textContent: text, getAttribute: (n) => attrs[n] ?? null });
  return {
    querySelectorAll: (selector) => (selector.endsWith("-config") ? tags : attributes).map(element),
  };
}

async function withPage(page, fn) {
  globalThis.document = fakeDocument(page);
  try {
    return await fn();
  } finally {
    delete globalThis.document;
  }
}

test("C13 an inline <mpy-config> in TOML", async () => {
  const ctx = await withPage({ tags: [{ text: '[js_modules.main]\n"./m.js" = "m"' }] }, () => createContext({ interpreter: "mpy" }));
  assert.deepEqual(ctx.config.js_modules, { main: { "./m.js": "m" } });
  assert.equal(ctx.config.type, "mpy");
});

test("C14 C15 C16 conflicts carry PY0409", async () => {
  await withPage({ tags: [{ text: "a = 1" }, { text: "b = 1" }] }, () =>
    assert.rejects(createContext({ interpreter: "py" }), { message: "(PY0409): Too many py-config" }));
  await withPage({ tags: [{ text: "a = 1" }], attributes: [{ attrs: { config: "x.toml" } }] }, () =>
    assert.rejects(createContext({ interpreter: "py" }), { message: "(PY0409): Ambiguous py-config VS config attribute" }));
  await withPage({ attributes: [{ attrs: { config: "first.toml" } }, { attrs: { config: "second.toml" } }] }, () =>
    assert.rejects(createContext({ interpreter: "py" }), { message: "(PY0409): Unable to use different configs on main" }));
});

test("C22 a forced type that contradicts the extension", async () => {
  await withPage({ tags: [{ attrs: { src: "x.toml", type: "json" } }] }, () =>
    assert.rejects(createContext({ interpreter: "py" }), { message: "(PY1000): Invalid URL: x.toml\nexpected json content" }));
});
