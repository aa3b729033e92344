// The coincident side of the benchmark: the same loops as execctx-worker.mjs.
import coincident from "coincident/window/worker";
import { loops } from "../browser/pages/bench/loops.js";

// Node 20's V8 wants an Int32Array's buffer length to be a multiple of 4;
// coincident's default minimum (0x7FFF bytes) is not, browsers accept it.
const { proxy, window } = await coincident({ minByteLength: 0x8000 });
proxy.run = (n) => loops(n, () => window.document.title, (a, b) => proxy.add(a, b));
