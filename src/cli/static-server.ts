// A small static file server for the playground: GET and HEAD of the files under one folder,
// with the content types browsers insist on (text/javascript for modules, application/wasm),
// index.html for a folder, nothing outside the folder, and no caching, so that a rebuild shows
// on reload.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".md": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** The file a request path names under root, or undefined for one outside it. */
async function fileFor(root: string, pathname: string): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  return info?.isDirectory() ? join(file, "index.html") : file;
}

export function staticServer(root: string): Server {
  const base = normalize(root).replace(/[/\\]$/, "");
  return createServer(async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const file = await fileFor(base, new URL(request.url ?? "/", "http://localhost").pathname);
    const body = file && (await readFile(file).catch(() => undefined));
    if (!file || !body) {
      response.writeHead(404, { "content-type": TYPES[".txt"] }).end("not found\n");
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": "no-cache",
    });
    response.end(request.method === "HEAD" ? undefined : body);
  });
}
