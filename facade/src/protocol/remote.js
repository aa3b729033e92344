// Stand-ins for the other side's things: a worker's proxies of main's
// objects, main's wrappers of a worker's functions. Each side keeps at most
// one live stand-in per id and counts the references the other side sent
// for it; when the stand-in is garbage collected, the other side is told,
// in one batched `release` message, to drop exactly that many (see
// PROTOCOL.md). A reference sent after the stand-in died gets a new entry,
// so that the old entry's count is what the other side may drop.

export class RemoteRefs {
  #entries = new Map(); // id → { id, ref: WeakRef(stand-in), received }
  #released = []; // [id, count] pairs not yet sent
  #registry = new FinalizationRegistry((entry) => this.#collected(entry));
  #make;
  #post;
  #closed = false;

  /** make(id) builds the stand-in for id; post(message) sends to the other side. */
  constructor(make, post) {
    this.#make = make;
    this.#post = post;
  }

  /** get returns the stand-in for id without counting a reference (the worker's own proxy of globalThis, say). */
  get(id) {
    return this.#entryFor(id)[0];
  }

  /** received returns the stand-in for a reference the other side sent, and counts that reference. */
  received(id) {
    const [standIn, entry] = this.#entryFor(id);
    entry.received++;
    return standIn;
  }

  /** The number of entries: live stand-ins, and dead ones whose release is not yet sent. */
  get size() {
    return this.#entries.size;
  }

  /** close forgets every stand-in and sends nothing more: the other side is gone. */
  close() {
    this.#closed = true;
    for (const entry of this.#entries.values()) this.#registry.unregister(entry);
    this.#entries.clear();
    this.#released = [];
  }

  #entryFor(id) {
    const entry = this.#entries.get(id);
    const cached = entry?.ref.deref();
    if (cached) return [cached, entry];
    const standIn = this.#make(id);
    const fresh = { id, ref: new WeakRef(standIn), received: 0 };
    this.#entries.set(id, fresh);
    this.#registry.register(standIn, fresh, fresh);
    return [standIn, fresh];
  }

  #collected(entry) {
    if (this.#closed) return;
    if (this.#entries.get(entry.id) === entry) this.#entries.delete(entry.id);
    if (entry.received === 0) return;
    this.#released.push([entry.id, entry.received]);
    if (this.#released.length > 1) return;
    setTimeout(() => {
      if (this.#closed) return;
      this.#post({ execctx: "release", refs: this.#released });
      this.#released = [];
    }, 0);
  }
}
