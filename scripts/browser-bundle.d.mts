import type { BuildOptions } from "esbuild";

/** How every browser bundle of the project is made (see browser-bundle.mjs). */
export declare const browserBundle: BuildOptions;
