// How every browser bundle of the project is made (the prebuilt module, the playground's app,
// the size test): one ES module for browsers, minified, with a source map.
export const browserBundle = {
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  sourcemap: true,
  logLevel: "warning",
};
