// The bundle's stand-in for facade/src/shim.js: the shim's browser build
// (the bundle is built for the browser platform, whose condition picks
// it), imported statically, so that it is part of the bundle and is
// neither looked up nor fetched at run time. Only the interfaces wasi.js
// uses are imported, each from its own module, so that the rest of the
// shim (filesystem, http, sockets) is left out.

import * as cli from "@bytecodealliance/preview2-shim/cli";
import * as clocks from "@bytecodealliance/preview2-shim/clocks";
import * as io from "@bytecodealliance/preview2-shim/io";
import * as random from "@bytecodealliance/preview2-shim/random";

/** loadShim resolves to the shim's namespaces, as facade/src/shim.js does. */
export const loadShim = async () => ({ cli, clocks, io, random });
