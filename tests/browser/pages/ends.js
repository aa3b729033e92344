// A worker that ends the ways a browser worker can: it closes itself, or
// throws an uncaught error (which execctx treats as the worker's end).
import { sync } from "../execctx/dist/bundle/index.js";

sync.ping = () => "pong";
sync.close = () => {
  close();
  return new Promise(() => {});
};
sync.crash = () => {
  setTimeout(() => {
    throw new Error("boom");
  });
  return new Promise(() => {});
};
