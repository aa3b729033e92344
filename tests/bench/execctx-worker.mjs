// The execctx side of the benchmark.
import { document, sync } from "../../npm/dist/bundle/index.js";
import { loops } from "../browser/pages/bench/loops.js";

sync.run = (n) => loops(n, () => document.title, (a, b) => sync.add(a, b));
