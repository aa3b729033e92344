import { document, sync } from "../../execctx/dist/bundle/index.js";
import { loops } from "./loops.js";

const readyAt = performance.timeOrigin + performance.now();
sync.readyAt = () => readyAt;
sync.run = (n) => loops(n, () => document.title, (a, b) => sync.add(a, b));
