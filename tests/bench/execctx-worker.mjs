// The execctx side of the benchmark.
import { document, sync } from "../../npm/dist/index.js";
import { loops } from "./loops.mjs";

sync.run = (n) => loops(n, () => document.title, (a, b) => sync.add(a, b));
