// The worker visits-bench.mjs starts twice: execctx's worker side, and one
// function for main to call, so that "ready" means a usable context.
import { sync } from "../../execctx/dist/bundle/index.js";

sync.ping = () => "pong";
