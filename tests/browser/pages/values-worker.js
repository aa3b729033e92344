// The worker half of values.html: the same configs, read in a module worker.
import { createContext, sync } from "../execctx/dist/bundle/index.js";
import { readValues } from "./values.js";

sync.values = () => readValues(createContext);
