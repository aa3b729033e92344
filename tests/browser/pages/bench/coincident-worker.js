import coincident from "../../coincident/window/worker.js";
import { loops } from "./loops.js";

const { proxy, window } = await coincident();
proxy.run = (n) => loops(n, () => window.document.title, (a, b) => proxy.add(a, b));
proxy.ready(performance.timeOrigin + performance.now());
