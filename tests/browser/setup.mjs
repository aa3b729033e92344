// What every Chromium test file needs: the project's Go server on a free
// loopback port, and Debian's Chromium driven by playwright-core (never a
// downloaded browser).
import { spawn, execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * startServer builds and starts examples/server with the given extra
 * -mount values; it resolves to { base, stop }.
 */
export async function startServer(mounts = []) {
  const dir = await mkdtemp(join(tmpdir(), "execctx-server-"));
  const bin = join(dir, "server"); // built, not `go run`, so that killing it kills the server
  execFileSync("go", ["build", "-o", bin, "./examples/server"], { cwd: root });
  const args = ["-addr", "127.0.0.1:0", "-root", root, ...mounts.flatMap((m) => ["-mount", m])];
  const server = spawn(bin, args, { stdio: ["ignore", "pipe", "inherit"] });
  const base = await new Promise((resolve, reject) => {
    server.stdout.once("data", (line) => {
      const url = String(line).match(/http:\/\/[^/\s]+/);
      if (url) resolve(url[0]);
      else reject(new Error(`the server's first line names no URL: ${line}`));
    });
    server.once("exit", (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
  return {
    base,
    stop: async () => {
      server.kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** launchChromium starts headless Debian Chromium with the flags this machine needs. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
}
