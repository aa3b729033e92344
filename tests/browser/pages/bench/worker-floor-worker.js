// worker-floor.js's worker: given a compiled Go module, it instantiates it
// with the floors' stubs and runs _initialize; given none, it only answers.
import { goFloorImports } from "./gofloor-imports.js";

self.onmessage = ({ data: { module } }) => {
  let started = true;
  if (module) {
    let memory;
    const instance = new WebAssembly.Instance(module, goFloorImports(() => memory));
    memory = instance.exports.memory;
    instance.exports._initialize();
    // one call of the module's own, so that a module that did not start cannot pass
    started = instance.exports.cabi_realloc(0, 0, 8, 16) > 0;
  }
  self.postMessage({ readyAt: performance.timeOrigin + performance.now(), started });
};
