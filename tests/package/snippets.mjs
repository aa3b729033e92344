// Reading the code blocks of a Markdown file, for the README test
// (readme.test.mjs). Every fenced block must say, in an HTML comment on
// the line just before its opening fence, what happens to it:
//
//   <!-- run: node deno -->                 a program, run as written in each runtime named
//   <!-- group: g; file: worker.mjs -->     file worker.mjs of the program g
//   <!-- group: g; file: main.mjs; run: node -->
//                                           its entry: what runs, with the group's other files beside it
//   <!-- not-run: reason -->                not a program (shell commands, headers, a listing)
//   <!-- checked-by: path -->               checked by another test, which path names
//   <!-- example: path.go Func -->          the body of a Go function (the Go tests keep the two in step)
//
// Runtimes: node and deno run a .mjs or .js entry, chromium opens an .html
// one. A lone `run:` block is main.mjs (js) or index.html (html) unless it
// names a file.
//
// What a program prints is written in its own comments: a comment that
// starts with → is one line of output, `// → text` in JS, `# → text` in
// Python. `…` in it stands for any text. The lines of all the group's
// files, in README order, are the program's whole output.

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/;
const MARKER = /^<!--\s*(.*?)\s*-->$/;
const EXPECTED = /(?:\/\/|#) → (.*)$/;
const RUNTIMES = new Set(["node", "deno", "chromium"]);
const DEFAULT_NAMES = { js: "main.mjs", html: "index.html" };
const ENTRY = { node: /\.m?js$/, deno: /\.m?js$/, chromium: /\.html$/ };

/**
 * blocks returns the fenced code blocks of markdown: { line (1-based, of
 * the opening fence), section (the heading above it), lang, code, marker }
 * where marker is the parsed comment before it ({ error } if it cannot be
 * read), or null. name labels errors (a file name).
 */
export function blocks(markdown, name) {
  const lines = markdown.split("\n");
  const found = [];
  let section = "";
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith("#")) section = lines[i].replace(/^#+\s*/, "");
    const open = lines[i].match(FENCE);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const end = lines.findIndex((l, j) => j > i && l.trim() === fence);
    if (end < 0) throw new Error(`${name}:${i + 1}: the code block opened here is never closed`);
    const body = lines.slice(i + 1, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
    const comment = i > 0 ? lines[i - 1].trim().match(MARKER) : null;
    found.push({ line: i + 1, section, lang, code: body.join("\n") + "\n", marker: comment ? readMarker(comment[1], `${name}:${i}`) : null });
    i = end;
  }
  return found;
}

/** readMarker is parseMarker's object, or { error } for programs() to report. */
function readMarker(text, where) {
  try {
    return parseMarker(text, where);
  } catch (error) {
    return { error };
  }
}

/** parseMarker reads "key: value; key: value" into an object, checking the keys. */
function parseMarker(text, where) {
  // a reason or a path is the rest of the comment, semicolons and all
  const whole = text.match(/^(not-run|checked-by|example):\s*(.*)$/);
  if (whole) {
    if (!whole[2]) throw new Error(`${where}: <!-- ${whole[1]}: --> needs a reason or a path`);
    return { [whole[1]]: whole[2] };
  }
  const marker = {};
  for (const part of text.split(";")) {
    const m = part.trim().match(/^([\w-]+):\s*(.*)$/);
    if (!m) throw new Error(`${where}: cannot read the marker <!-- ${text} --> (want key: value; key: value)`);
    marker[m[1]] = m[2].trim();
  }
  const keys = Object.keys(marker);
  const allowed = [["run"], ["run", "file"], ["group", "file"], ["group", "file", "run"]];
  if (!allowed.some((a) => a.length === keys.length && a.every((k) => k in marker))) {
    throw new Error(`${where}: the marker <!-- ${text} --> mixes keys that do not go together (${keys.join(", ")})`);
  }
  if ("run" in marker) {
    marker.run = marker.run.split(/\s+/);
    for (const r of marker.run) if (!RUNTIMES.has(r)) throw new Error(`${where}: unknown runtime "${r}" (want ${[...RUNTIMES].join(", ")})`);
  }
  return marker;
}

/**
 * programs groups the blocks of a file into programs to run: { name, run,
 * entry, files: [{ name, code }], expected } in the order their entries
 * appear. It throws, naming the line, for a block without a marker, a
 * group without an entry or with two, and a file name used twice.
 */
export function programs(found, name) {
  const groups = new Map();
  const result = [];
  for (const b of found) {
    const where = `${name}:${b.line}`;
    if (!b.marker) {
      throw new Error(`${where}: this \`\`\`${b.lang} block has no marker: say how it runs (<!-- run: node -->, <!-- group: …; file: … -->) or why not (<!-- not-run: reason -->)`);
    }
    const m = b.marker;
    if (m.error) throw m.error;
    if (!m.run && !m.group) continue; // not-run, checked-by, example
    const file = m.file ?? DEFAULT_NAMES[b.lang];
    if (!file) throw new Error(`${where}: a \`\`\`${b.lang} block needs a file name (file: …)`);
    const key = m.group ?? `line ${b.line}`;
    if (!groups.has(key)) groups.set(key, { name: `${name} "${b.section}"${m.group ? ` group ${m.group}` : ""}`, run: null, entry: null, files: [] });
    const g = groups.get(key);
    if (g.files.some((f) => f.name === file)) throw new Error(`${where}: ${g.name} has two files named ${file}`);
    g.files.push({ name: file, code: b.code });
    if (m.run) {
      if (g.run) throw new Error(`${where}: ${g.name} has a second entry (run:)`);
      for (const r of m.run) if (!ENTRY[r].test(file)) throw new Error(`${where}: ${r} cannot run ${file} (want a name matching ${ENTRY[r]})`);
      Object.assign(g, { run: m.run, entry: file });
      result.push(g);
    }
  }
  for (const [key, g] of groups) {
    if (!g.run) throw new Error(`${name}: group ${key} has no entry: mark one of its files with run:`);
    g.expected = g.files.flatMap((f) => expectedLines(f.code));
    if (!g.expected.length) throw new Error(`${g.name}: no comment says what it prints (// → text): a program's output must be checked`);
  }
  return result;
}

/** expectedLines are the output lines a file's `// → ` and `# → ` comments give. */
export function expectedLines(code) {
  return code.split("\n").flatMap((l) => {
    const m = l.match(EXPECTED);
    return m ? [m[1].trimEnd()] : [];
  });
}

/**
 * compare checks printed lines against expected ones (… matches any
 * text) and returns "" or a description of every difference.
 */
export function compare(printed, expected) {
  const problems = [];
  for (let i = 0; i < Math.max(printed.length, expected.length); i++) {
    const [got, want] = [printed[i], expected[i]];
    if (want === undefined) problems.push(`line ${i + 1}: printed ${JSON.stringify(got)}, which no → comment expects`);
    else if (got === undefined) problems.push(`line ${i + 1}: expected ${JSON.stringify(want)}, nothing printed`);
    else if (!pattern(want).test(got)) problems.push(`line ${i + 1}: printed ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  return problems.join("\n");
}

function pattern(want) {
  return new RegExp(`^${want.split("…").map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
}
