// The rules of snippets.mjs on small Markdown texts: what readme.test.mjs
// relies on to refuse an unmarked block and to compare output strictly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { blocks, programs, compare } from "./snippets.mjs";

const fence = "```";
const md = (...parts) => parts.join("\n") + "\n";
const read = (text) => programs(blocks(text, "T.md"), "T.md");

test("a block without a marker is refused, naming its line", () => {
  assert.throws(() => read(md("# T", "", `${fence}js`, "x()", fence)), /T\.md:3: this ```js block has no marker/);
});

test("markers that cannot be read or do not go together are refused", () => {
  assert.throws(() => read(md("<!-- run: firefox -->", `${fence}js`, fence)), /unknown runtime "firefox"/);
  assert.throws(() => read(md("<!-- run: node; not-run: x -->", `${fence}js`, fence)), /mixes keys/);
  assert.throws(() => read(md("<!-- not-run: -->", `${fence}js`, fence)), /needs a reason/);
  assert.throws(() => read(md("<!-- run: chromium -->", `${fence}js`, "// → x", fence)), /chromium cannot run main\.mjs/);
});

test("a group needs exactly one entry, and a program must say what it prints", () => {
  assert.throws(() => read(md("<!-- group: g; file: a.mjs -->", `${fence}js`, fence)), /group g has no entry/);
  const twice = md("<!-- group: g; file: a.mjs; run: node -->", `${fence}js`, fence, "<!-- group: g; file: b.mjs; run: node -->", `${fence}js`, fence);
  assert.throws(() => read(twice), /a second entry/);
  assert.throws(() => read(md("<!-- run: node -->", `${fence}js`, "f();", fence)), /no comment says what it prints/);
});

test("a group's files and expected lines come in README order; not-run blocks are skipped", () => {
  const text = md(
    "## S",
    "<!-- not-run: shell -->", `${fence}sh`, "make test", fence,
    "<!-- group: g; file: w.py -->", `${fence}python`, "print(1)  # → 1", fence,
    "<!-- group: g; file: index.html; run: chromium -->", `${fence}html`, "<p>", fence,
    "<!-- group: g; file: m.js -->", `${fence}js`, "console.log(2); // → 2", "// main → worker: prose, not output", fence,
  );
  const [p] = read(text);
  assert.deepEqual({ name: p.name, run: p.run, entry: p.entry, files: p.files.map((f) => f.name), expected: p.expected },
    { name: 'T.md "S" group g', run: ["chromium"], entry: "index.html", files: ["w.py", "index.html", "m.js"], expected: ["1", "2"] });
});

test("compare: exact lines, … for any text, nothing missing or extra", () => {
  assert.equal(compare(["a [x] b"], ["a […] b"]), "");
  assert.match(compare(["a.b"], ["a…c"]), /line 1: printed "a\.b", expected "a…c"/);
  assert.match(compare(["a", "b"], ["a"]), /line 2: printed "b", which no → comment expects/);
  assert.match(compare([], ["a"]), /line 1: expected "a", nothing printed/);
  assert.match(compare(["a+b"], ["a.b"]), /printed "a\+b"/, "other characters are literal");
});
