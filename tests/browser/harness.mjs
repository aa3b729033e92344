// What the Chromium tests and the Chromium benchmark share: the Go server
// (examples/server) built and started on a free port, and Debian's
// Chromium launched the way issue 4 asks (headless, no sandbox, no
// background traffic; playwright-core never downloads a browser).
import { spawn, execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * startServer builds examples/server and runs it on a free loopback port
 * with extra arguments (e.g. -mount). It resolves to { base, stop } once
 * the server has printed its URL, and rejects if the server exits or
 * prints something else first. stop() kills it; call it in a finally
 * (it is also called when this process exits).
 */
export async function startServer(args = []) {
  // built, not `go run`, so that killing it kills the server itself
  const dir = await mkdtemp(join(tmpdir(), "execctx-server-"));
  try {
    const bin = join(dir, "server");
    execFileSync("go", ["build", "-o", bin, "./examples/server"], { cwd: root, stdio: "inherit" });
    const proc = spawn(bin, ["-addr", "127.0.0.1:0", "-root", root, ...args], { stdio: ["ignore", "pipe", "inherit"] });
    const stop = () => proc.exitCode === null && proc.signalCode === null && proc.kill();
    // also when this process dies of an uncaught error (say EPIPE on stdout), which skips finally blocks
    process.once("exit", stop);
    try {
      return { base: await firstURL(proc), stop };
    } catch (e) {
      stop();
      throw e;
    }
  } finally {
    await rm(dir, { recursive: true, force: true }); // the running server keeps its binary open
  }
}

/** firstURL reads the server's first line: "execctx server on http://host:port/coi/ …". */
function firstURL(proc) {
  return new Promise((resolve, reject) => {
    proc.once("error", reject);
    proc.once("exit", (code, signal) => reject(new Error(`the server exited (${signal ?? code}) before printing its URL`)));
    proc.stdout.once("data", (chunk) => {
      const url = String(chunk).match(/http:\/\/[^/\s]+/);
      if (url) resolve(url[0]);
      else reject(new Error(`the server's first line has no URL: ${JSON.stringify(String(chunk))}`));
    });
  });
}

/** launchChromium starts Debian's Chromium ($CHROMIUM overrides the path). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
}

/** withPage runs fn(page) on a new page of browser and closes the page however fn ends. */
export async function withPage(browser, options, fn) {
  const page = await browser.newPage(options);
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}

/** SAB_MESSAGE is PyScript's warning (and NotSupported text) for a worker without SharedArrayBuffer. */
export const SAB_MESSAGE = "Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. See: https://docs.pyscript.net/latest/faq/#sharedarraybuffer";

/** watch collects a page's console warnings and uncaught errors (an engines.mjs page). */
export function watch(page) {
  const seen = { warnings: [], errors: [] };
  page.onConsole((type, text) => type === "warning" && seen.warnings.push(text));
  page.onPageError((message) => seen.errors.push(message));
  return seen;
}
