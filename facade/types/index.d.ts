// Type declarations of the execctx npm package.

/** A feature that does not work in this context: any use throws an Error with `message`. */
export interface NotSupported {
  readonly name: string;
  readonly message: string;
  /** The original's repr: `<NotSupported {name} [{message}]>`. */
  toString(): string;
  readonly then: undefined;
}

/** The normalised config: the page's or worker's config with `type` set. */
export interface Config {
  readonly type: "py" | "mpy";
  readonly [key: string]: unknown;
}

/** A module of config js_modules available in this context. */
export interface JSModule {
  readonly name: string;
  readonly url: string;
  /** "local": imported in this realm; "main": imported on main, proxied into a worker. */
  readonly realm: "local" | "main";
  readonly stylesheet: boolean;
}

/** Functions across the worker boundary, by name; assigning exposes one. */
export type Sync = { [name: string]: (...args: any[]) => any };

/** Options of PyWorker, validated by the component. */
export interface PyWorkerOptions {
  /** "micropython" ("mpy"), "pyodide" ("py"), or "module" (execctx: run url as a JS module). */
  type: "micropython" | "mpy" | "pyodide" | "py" | "module";
  /** An object, a config URL, or inline JSON/TOML text. */
  config?: Record<string, unknown> | string;
  /** Run the worker's Python with top-level await. */
  async?: boolean;
  /** The worker's name (a Web Worker's `name`); a non-empty name also registers it in `workers`. */
  name?: string;
  /** The id of the <script> element the worker runs for; its current_target() is that script's output element. */
  id?: string;
  /**
   * URL of execctx's service worker (the package's dist/service-worker.js, served by your site), as
   * PyScript's service_worker: on a page that is not cross-origin isolated, the worker's calls to main
   * block through it, and its window and document are proxies. Ignored where SharedArrayBuffer works.
   */
  service_worker?: string;
  /** Alias of service_worker. */
  serviceWorker?: string;
}

/** A file the config's files table asks for: where to fetch it, and where to put it. */
export interface ConfigFile {
  readonly url: string;
  readonly path: string;
}

/** A started worker. */
export interface WorkerHandle {
  /**
   * Settles when the worker's script has run (resolves) or failed, ended, could not start,
   * or did not finish within createContext's `readyTimeout` (rejects).
   */
  readonly ready: Promise<WorkerHandle>;
  /**
   * Calls the worker's exposed functions (always promises); assigning exposes main's functions to it.
   * Once the worker has ended (terminated, exited, or an uncaught error), calls reject at once, saying why.
   * `then`, `toJSON` and `inspect` read as undefined and cannot be assigned.
   */
  readonly sync: { [name: string]: (...args: any[]) => Promise<any> };
  /** Ends the worker: pending and later calls reject, and main lets go of everything it held for it. */
  terminate(): Promise<number> | void;
  /**
   * The underlying Worker (browsers, Deno) or worker_threads Worker (Node); null while a worker started
   * with service_worker waits for its service worker to be active (the worker starts once it is).
   */
  readonly worker: unknown;
}

/** One execution context: the names of pyscript.context. */
export interface Context {
  readonly RUNNING_IN_WORKER: boolean;
  readonly config: Config;
  /** globalThis on the main thread, a synchronous proxy of main's in a worker, or NotSupported. */
  readonly window: any;
  readonly document: any;
  /** In a worker, main's functions (blocking with SharedArrayBuffer, else promises); NotSupported on main. */
  readonly sync: Sync | NotSupported;
  /** Imports modules (in a worker, on main, as proxies); NotSupported in a worker without SharedArrayBuffer. */
  readonly js_import: ((...urls: string[]) => Promise<any[]>) | NotSupported;
  /** Starts a worker (main thread only; in a worker it is NotSupported). */
  readonly PyWorker: ((url: string | URL, options: PyWorkerOptions) => WorkerHandle) | NotSupported;
  current_target(): string;
  readonly js_modules: readonly JSModule[];
  /** The runtime the context runs in. */
  readonly runtime: "browser" | "node" | "deno" | "other";
  /** The config's files, resolved: what an interpreter fetches before it runs, and where it writes each. */
  readonly files: readonly ConfigFile[];
}

export interface ContextOptions {
  /** Config as text (JSON or TOML), a URL, or an object. */
  config?: string | Record<string, unknown>;
  /** "micropython", "pyodide", or the aliases "mpy", "py". */
  interpreter?: "micropython" | "mpy" | "pyodide" | "py";
  /** What relative URLs resolve against (default: the page, or the working directory). */
  baseURL?: string;
  /**
   * Milliseconds a blocking call from a worker this context starts (or, in a worker, from this worker) waits
   * for main before it fails (default: no limit). The config's experimental_ffi_timeout is not a deadline.
   */
  timeout?: number;
  /**
   * Milliseconds before the `ready` of a worker this context starts rejects, if its script has not
   * finished (default 60000; negative: no bound). The worker keeps running until terminated.
   */
  readyTimeout?: number;
  /** The main-thread script running now, for current_target(). */
  currentScript?: () => Element | null;
  /** For tests: replace host import functions, e.g. { worker: { spawn } }. */
  hostOverrides?: Record<string, Record<string, (...args: any[]) => any>>;
}

export function createContext(options?: ContextOptions): Promise<Context>;

export const RUNNING_IN_WORKER: Context["RUNNING_IN_WORKER"];
export const config: Context["config"];
export const window: Context["window"];
export const document: Context["document"];
export const sync: Context["sync"];
export const js_import: Context["js_import"];
export const PyWorker: Context["PyWorker"];
export const current_target: Context["current_target"];
export const js_modules: Context["js_modules"];

/**
 * Named workers, as PyScript's `workers`: `await workers[name]` is the `sync` of the worker
 * started with that name (PyWorker's `name` option) once it is ready, pending until one is;
 * undefined for the names polyscript reserves ("then", "get", …). The first worker of a name wins.
 */
export const workers: { readonly [name: string]: Promise<WorkerHandle["sync"]> | undefined };

export function notSupported(name: string, message: string): NotSupported;
export function isNotSupported(value: unknown): value is NotSupported;

export interface RunPythonOptions {
  /**
   * "micropython" (alias "mpy", the default; needs @micropython/micropython-webassembly-pyscript 1.27.0)
   * or "pyodide" (alias "py"; needs pyodide 314.0.7).
   */
  type?: "micropython" | "mpy" | "pyodide" | "py";
  /** The execctx context Python sees (default: one made for the interpreter). */
  context?: Context;
  /** Main thread: the <script> element the source stands for, so that current_target() names its output element. */
  script?: Element;
  /** Allow top-level await (the source runs with runPythonAsync). */
  async?: boolean;
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
}

/** Runs Python source with the `pyscript` and `pyscript.context` modules registered. */
export function runPython(source: string, options?: RunPythonOptions): Promise<unknown>;

declare global {
  /**
   * In a worker PyWorker started: `url` is the execctx module that started it. A browser module
   * worker without a bundler cannot import "execctx" by name (import maps do not reach workers),
   * so it imports this URL: `const { sync } = await import(self.execctx.url)`. Undefined elsewhere.
   */
  var execctx: { readonly url: string } | undefined;
}
