// collapse-sim serve [--port N] [--host HOST]: the playground (dist/playground/, built with the
// package) on a local static server, until interrupted. The folder is static: any web server
// serves it the same way.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FlagIssues, integerFlag, parseCommand } from "./options.js";
import { staticServer } from "./static-server.js";
import { UsageError } from "./usage-error.js";

export const DEFAULT_PORT = 8080;

/** The built playground: dist/playground at the package root (from dist/cli, and from src/cli under tsx). */
export function playgroundDir(): string {
  return fileURLToPath(new URL("../../dist/playground/", import.meta.url));
}

export async function serveCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseCommand(args, { port: { type: "string" }, host: { type: "string" } });
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments, got ${positionals.join(" ")}; see collapse-sim --help`);
  const issues = new FlagIssues();
  const port = integerFlag(issues, "--port", values.port, 0, 65535) ?? DEFAULT_PORT;
  const host = values.host ?? "127.0.0.1";
  issues.throwIfAny();
  const root = playgroundDir();
  if (!existsSync(`${root}index.html`)) throw new UsageError(`the playground is not built (no ${root}index.html): run npm run build`);

  const server = staticServer(root);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") reject(new UsageError(`port ${port} is in use on ${host}: pass --port N (0: any free port)`));
      else if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND") reject(new UsageError(`cannot listen on host ${host}: ${error.message}`));
      else reject(error);
    });
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const actualPort = address !== null && typeof address === "object" ? address.port : port;
  const shown = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "localhost" : host;
  process.stdout.write(`collapse-sim playground: http://${shown}:${actualPort}/\n`);
  process.stderr.write(`serving ${root} (Ctrl-C to stop)\n`);
  // Ctrl-C or a kill ends the server and the command with it.
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
      server.closeAllConnections(); // a browser's open keep-alive connections would hold it
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
