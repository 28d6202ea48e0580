#!/usr/bin/env node
// The collapse-sim command as installed (package.json "bin"): the CLI bundled in one file,
// dist/bundle/cli.js, which starts about twice as fast as main.js and its ~200 modules; or
// main.js itself where Node preloads the user's modules (a scenario registering itself).
import { preloadsModules } from "../output/preloads.js";

const entry = preloadsModules() ? "./main.js" : "../bundle/cli.js";
await import(entry);
