// Serves a static folder on 127.0.0.1 until interrupted. Sends .wasm as
// application/wasm and never serves anything outside the folder.
// Usage: node scripts/serve.mjs --root DIR [--port N]   (or PORT=N)
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const root = resolve(option("root", "."));
const port = Number(option("port", process.env.PORT || 8080));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: not a port number: ${option("port", process.env.PORT)}`);
  process.exit(2);
}

async function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return null;
  }
  const full = resolve(join(root, path));
  if (full !== root && !full.startsWith(root + sep)) return null;
  try {
    const info = await stat(full);
    if (info.isDirectory()) return fileFor(join(path, "index.html"));
    return info.isFile() ? { full, size: info.size } : null;
  } catch {
    return null;
  }
}

const server = createServer(async (request, response) => {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  const file = await fileFor(request.url || "/");
  if (!file) {
    response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
    return;
  }
  response.writeHead(200, {
    "Content-Type": TYPES[extname(file.full).toLowerCase()] || "application/octet-stream",
    "Content-Length": file.size,
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
  });
  if (request.method === "HEAD") response.end();
  // A file that vanishes or cannot be read ends this response, not the server.
  else pipeline(createReadStream(file.full), response, () => {});
});

server.on("error", (error) => {
  console.error(`serve: cannot listen on 127.0.0.1:${port}: ${error.code === "EADDRINUSE" ? "the port is in use; try --port N" : error.message}`);
  process.exit(1);
});
server.listen(port, "127.0.0.1", () => {
  console.log(`Tandem is being served from ${root}`);
  console.log(`http://127.0.0.1:${server.address().port}/`);
  console.log("Open that address in a browser. Press Ctrl+C to stop.");
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
