// Main's objects that workers (and main's own guests) reach by id. An
// object keeps one id for its whole lifetime, and the table holds it only
// while some holder does: every worker, and every context's guest, counts
// its own references, so that one letting go cannot break another's.

/** ObjectTable maps main's objects to ids. 0 is globalThis and 1 the document, always. */
export class ObjectTable {
  #ids = new WeakMap(); // object → id, for the object's lifetime
  #held = new Map(); // id → { obj, count } while any holder holds it
  #next = 2;

  /** idOf returns obj's id, assigning one the first time; it does not keep obj alive. */
  idOf(obj) {
    if (obj === globalThis) return 0;
    if (obj === globalThis.document) return 1;
    let id = this.#ids.get(obj);
    if (id === undefined) {
      id = this.#next++;
      this.#ids.set(obj, id);
    }
    return id;
  }

  /** get returns the object id names, or throws when no holder holds it. */
  get(id) {
    if (id === 0) return globalThis;
    if (id === 1 && globalThis.document) return globalThis.document; // looked up late: a DOM shim may come later
    const held = this.#held.get(id);
    if (!held) throw new ReferenceError(`execctx: object ${id} was released or never existed`);
    return held.obj;
  }

  /** hold counts one more reference to obj and returns its id. */
  hold(obj) {
    const id = this.idOf(obj);
    if (id > 1) {
      const held = this.#held.get(id);
      if (held) held.count++;
      else this.#held.set(id, { obj, count: 1 });
    }
    return id;
  }

  /** drop forgets n references to id; after the last one the table lets the object go. */
  drop(id, n) {
    const held = this.#held.get(id);
    if (!held) return;
    held.count -= n;
    if (held.count <= 0) this.#held.delete(id);
  }

  /** holder returns a new Holder of this table. */
  holder() {
    return new Holder(this);
  }
}

/**
 * Holder is one party's references in an ObjectTable (a worker's, or a
 * guest's), counted so that a party can only release what it holds and
 * everything it holds can be released at once when it goes away.
 */
export class Holder {
  #table;
  #counts = new Map(); // id → references held

  constructor(table) {
    this.#table = table;
  }

  /** hold takes one reference to obj and returns its id. */
  hold(obj) {
    const id = this.#table.hold(obj);
    if (id > 1) this.#counts.set(id, (this.#counts.get(id) ?? 0) + 1);
    return id;
  }

  /** release gives back n references to id (default: all this holder has). */
  release(id, n = Infinity) {
    const have = this.#counts.get(id) ?? 0;
    const k = Math.min(have, Math.max(0, Math.floor(Number(n)) || 0));
    if (k === 0) return;
    this.#table.drop(id, k);
    if (k === have) this.#counts.delete(id);
    else this.#counts.set(id, have - k);
  }

  /** The number of distinct objects this holder holds. */
  get size() {
    return this.#counts.size;
  }

  /** releaseAll gives back every reference, e.g. when the worker died. */
  releaseAll() {
    for (const [id, n] of this.#counts) this.#table.drop(id, n);
    this.#counts.clear();
  }
}
