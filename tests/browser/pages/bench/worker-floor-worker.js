// worker-floor.js's worker: given a compiled Go module, it instantiates it
// with the floors' stubs and runs _initialize; given none, it only answers.
import { startGoModule } from "./gofloor-imports.js";

self.onmessage = ({ data: { module } }) => {
  // one call of the module's own, so that a module that did not start cannot pass
  const started = module ? startGoModule(module).exports.cabi_realloc(0, 0, 8, 16) > 0 : true;
  self.postMessage({ readyAt: performance.timeOrigin + performance.now(), started });
};
