// Node's built-in modules, in the runtimes that have them (Node, Deno).

/**
 * builtin resolves to the built-in module name ("node:fs"). Where the
 * runtime has process.getBuiltinModule (Node ≥ 20.16, Deno), it hands over
 * the module itself: import() would first build an ES module namespace of
 * it, which reads every lazily loaded export (node:fs's streams among
 * them) and cost Node's start-up several milliseconds per module here.
 */
export async function builtin(name) {
  return globalThis.process?.getBuiltinModule?.(name) ?? import(name);
}
