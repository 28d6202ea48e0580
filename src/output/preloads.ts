// Whether Node loads modules of the user's before the entry (--import, --require, a loader, on
// the command line or in NODE_OPTIONS). Such a module may register a scenario in the library's
// registry, which a bundled copy of the library (dist/bundle/) would not see: then the CLI and
// its workers run from dist's modules instead of the bundles.
const PRELOAD = /(^|\s)--(import|require|loader|experimental-loader)(=|\s|$)/;

export function preloadsModules(): boolean {
  return process.execArgv.some((arg) => PRELOAD.test(arg)) || PRELOAD.test(process.env.NODE_OPTIONS ?? "");
}
