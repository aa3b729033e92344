// Every code block of README.md, npm/README.md and docs/python.md, as a new user would
// meet it: each program runs as written, in a fresh project that installed
// the packed tarball offline (with the MicroPython package beside it), in
// Node, Deno or the browser as its marker says (a `chromium` program runs
// in every engine of tests/browser/engines.mjs), and what it prints must be
// what its `→` comments say. snippets.mjs has the rules; a block with no
// marker fails the first test, so a new snippet cannot slip through.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtemp, mkdir, writeFile, readFile, symlink, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { blocks, programs, compare } from "./snippets.mjs";
import { startServer } from "../browser/harness.mjs";
import { ENGINES, launch } from "../browser/engines.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const deno = join(root, "tests/node_modules/.bin/deno");
const MICROPYTHON = "npm/node_modules/@micropython/micropython-webassembly-pyscript";
const READMES = ["README.md", "npm/README.md", "docs/python.md"];
const TIMEOUT = 90_000; // ms per program: Chromium starts an interpreter in a worker
const exec = promisify(execFile);

// Read and checked at load time, so that the tests below can be declared;
// an error is reported by the first test rather than as a load failure.
const found = [];
let readError = null;
try {
  for (const file of READMES) {
    const bs = blocks(await readFile(join(root, file), "utf8"), file);
    found.push({ file, blocks: bs, programs: programs(bs, file) });
  }
} catch (e) {
  readError = e;
}

// Blocks checked elsewhere must name a test that exists (and, for a Go
// example, a function that exists).
test("every code block of the READMEs says how it runs, or why it does not", async () => {
  if (readError) throw readError;
  for (const { file, blocks: bs } of found) {
    for (const b of bs) {
      const checker = b.marker["checked-by"] ?? b.marker.example?.split(/\s+/)[0];
      if (checker) await readFile(join(root, checker)).catch(() => assert.fail(`${file}:${b.line}: the checking test ${checker} does not exist`));
      if (b.marker.example) {
        const [path, fn] = b.marker.example.split(/\s+/);
        assert.match(await readFile(join(root, path), "utf8"), new RegExp(`^func ${fn}\\(`, "m"), `${file}:${b.line}: ${path} has no func ${fn}`);
      }
    }
  }
});

test('the Makefile\'s pointers to README sections (README.md, "Name") name sections that exist', async () => {
  const [makefile, readme] = await Promise.all(["Makefile", "README.md"].map((f) => readFile(join(root, f), "utf8")));
  const headings = new Set(readme.split("\n").filter((l) => l.startsWith("#")).map((l) => l.replace(/^#+\s*/, "")));
  const pointers = [...makefile.matchAll(/README\.md, "([^"]+)"/g)].map((m) => m[1]);
  assert.ok(pointers.length > 0, "the Makefile no longer points into README.md: drop this test");
  assert.deepEqual(pointers.filter((p) => !headings.has(p)), [], "sections the Makefile names that README.md does not have");
});

let project; // the fresh project every program runs in
let server; // for the browser programs, started on first use
const browsers = {}; // engine → the browser, launched on first use

before(async () => {
  project = await mkdtemp(join(tmpdir(), "execctx-readme-"));
  const pack = async (dir) => join(project, (await exec("npm", ["pack", "--silent", "--pack-destination", project], { cwd: join(root, dir) })).stdout.trim().split("\n").pop());
  const tarballs = [await pack("npm"), await pack(MICROPYTHON)];
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  await exec("npm", ["install", "--offline", "--no-audit", "--no-fund", ...tarballs], { cwd: project });
});

after(async () => {
  try {
    for (const b of Object.values(browsers)) await b.close();
  } finally {
    server?.stop();
    if (project) await rm(project, { recursive: true, force: true });
  }
});

/** place writes a program's files into their own folder of the project, beside a link to its node_modules. */
async function place(program, slug) {
  const dir = join(project, slug);
  await mkdir(dir, { recursive: true });
  await symlink(join(project, "node_modules"), join(dir, "node_modules"));
  await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  for (const f of program.files) await writeFile(join(dir, f.name), f.code);
  return dir;
}

/** runs: how each runtime runs a program's entry, resolving to the lines it printed. */
const runs = {
  node: (dir, entry) => command(process.execPath, [entry], dir),
  deno: (dir, entry) => command(deno, ["run", "--allow-read", "--allow-env", entry], dir),
  chromium: (dir, entry, slug, expected) => page("chromium", `${slug}/${entry}`, expected.length),
  firefox: (dir, entry, slug, expected) => page("firefox", `${slug}/${entry}`, expected.length),
};

/** runtimes: where a program runs; a `chromium` program runs in every browser engine. */
const runtimes = (program) => program.run.flatMap((r) => (r === "chromium" ? ENGINES : [r]));

async function command(cmd, args, cwd) {
  const { stdout, stderr } = await exec(cmd, args, { cwd, timeout: TIMEOUT, env: { ...process.env, NO_COLOR: "1" } }).catch((e) => {
    throw new Error(`${[cmd, ...args].join(" ")} failed (${e.code ?? e.signal}):\n${e.stdout}${e.stderr}`);
  });
  assert.equal(stderr, "", "the program wrote to stderr");
  return lines(stdout);
}

const lines = (text) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));

// Chromium asks for a favicon on its own; a README page need not have one.
const IGNORED = /\/favicon\.ico$/;

/**
 * page opens a program's page on the server's cross-origin isolated side
 * (the project is mounted at /coi/app/) and collects what it and its
 * workers log, until `count` lines have come (or TIMEOUT), then half a
 * second more. Uncaught errors, console errors and failed requests fail it.
 */
async function page(engine, path, count) {
  server ??= await startServer(["-mount", `/app/=${project}`]);
  browsers[engine] ??= await launch(engine);
  return browsers[engine].withPage({}, async (p) => {
    const printed = [];
    const problems = [];
    p.onConsole((type, text) => (type === "log" ? printed.push(text) : type === "error" && problems.push(`console.error: ${text}`)));
    p.onPageError((message) => problems.push(`uncaught: ${message}`));
    p.onRequestFailed((url) => problems.push(`request failed: ${url}`));
    p.onResponse((url, status) => status >= 400 && !IGNORED.test(url) && problems.push(`${status} for ${url}`));
    await p.goto(`${server.base}/coi/app/${path}`);
    const deadline = Date.now() + TIMEOUT;
    while (printed.length < count && !problems.length && Date.now() < deadline) await sleep(50);
    await sleep(500); // anything printed past the expected lines is a difference too
    if (problems.length) throw new Error(`${path}:\n${problems.join("\n")}\nprinted so far:\n${printed.join("\n")}`);
    return printed.flatMap((t) => t.split("\n"));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let count = 0; // each run gets its own folder, program-1-node, …
for (const { programs: ps } of found) {
  for (const program of ps) {
    for (const runtime of runtimes(program)) {
      const slug = `program-${++count}-${runtime}`;
      test(`${program.name} (${program.files.map((f) => f.name).join(", ")}) in ${runtime}`, { timeout: TIMEOUT * 2 }, async () => {
        const dir = await place(program, slug);
        const printed = await runs[runtime](dir, program.entry, slug, program.expected);
        const problems = compare(printed, program.expected);
        assert.ok(!problems, `${program.name} in ${runtime} printed what its comments do not say:\n${problems}\n\nit printed:\n${printed.join("\n")}`);
      });
    }
  }
}
