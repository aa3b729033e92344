// The component instance behind a context. A trap leaves a Go guest's
// runtime in an unknown state, so the instance is dropped and the next
// call runs on a fresh one made from the same compiled modules and hosts.

import { instantiateComponent } from "./component.js";

/** Guest is a context's component instance, replaced by a fresh one after a trap. */
export class Guest {
  #modules;
  #imports;
  #context;

  /** modules is what compileComponent resolved to; imports the execctx host imports. */
  constructor(modules, imports) {
    this.#modules = modules;
    this.#imports = imports;
    this.#context = instantiateComponent(modules, imports);
  }

  /**
   * call runs fn on the instance's context exports. A result error is
   * thrown as an Error with its message; a trap (or an exception that
   * unwound through the guest) is thrown as an Error whose cause is the
   * original, after the instance was replaced.
   */
  call(name, fn) {
    try {
      return fn(this.#context);
    } catch (e) {
      if (e && Object.hasOwn(e, "payload")) throw new Error(String(e.payload));
      this.#context = instantiateComponent(this.#modules, this.#imports);
      const trap = new Error(`execctx: the context component trapped in ${name} (${e?.message ?? e}); it was restarted, so the next call runs on a fresh instance`);
      trap.cause = e;
      throw trap;
    }
  }
}
