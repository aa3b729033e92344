// The floor's worker in Chromium: no library, just the requests.
import { floorLoops } from "./floor-loops.js";

self.onmessage = ({ data: { sab, n } }) => self.postMessage(floorLoops(n, sab, (id) => self.postMessage(id)));
