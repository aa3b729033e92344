// The worker's functions that main was given (`$c` in PROTOCOL.md). A
// function keeps one id for its lifetime; the table holds it only while
// main holds a reference: every `$c` sent counts one, and main's `release`
// gives them back once its wrapper of the function was collected.

export class Callbacks {
  #ids = new WeakMap(); // function → id, for the function's lifetime
  #held = new Map(); // id → { fn, count } while main holds references
  #next = 1;

  /** ref returns fn's wire form and counts one reference main now holds; anything else that is not plain data cannot be sent. */
  ref(fn) {
    if (typeof fn !== "function") {
      throw new TypeError("execctx: only plain data, errors, functions and main's own objects can be sent to main");
    }
    let id = this.#ids.get(fn);
    if (id === undefined) {
      id = this.#next++;
      this.#ids.set(fn, id);
    }
    const held = this.#held.get(id);
    if (held) held.count++;
    else this.#held.set(id, { fn, count: 1 });
    return { $c: id };
  }

  /** get returns the function id names, or undefined once main released it. */
  get(id) {
    return this.#held.get(id)?.fn;
  }

  /** release gives back n of main's references to id; after the last one the table lets the function go. */
  release(id, n) {
    const held = this.#held.get(id);
    if (!held) return;
    held.count -= Math.max(0, Math.floor(Number(n)) || 0);
    if (held.count <= 0) this.#held.delete(id);
  }

  /** The number of functions main holds references to. */
  get size() {
    return this.#held.size;
  }
}
