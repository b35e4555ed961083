// The static server behind scripts/run.sh: content types, the folder
// boundary and methods. It is started with PORT=0, so it picks a free port.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { request } from "node:http";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./browser.mjs";

let dir;
let child;
let base;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "tandem-serve-"));
  mkdirSync(join(dir, "site"));
  writeFileSync(join(dir, "site", "index.html"), "<!doctype html><title>t</title>");
  writeFileSync(join(dir, "site", "module.wasm"), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  writeFileSync(join(dir, "secret.txt"), "outside the site");
  child = spawn(process.execPath, [join(root, "scripts", "serve.mjs"), "--root", join(dir, "site")], {
    env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"],
  });
  base = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/^(http:\/\/127\.0\.0\.1:\d+)\/$/m);
      if (m) resolve(m[1]);
    });
    child.on("exit", () => reject(new Error(out)));
  });
});

after(() => {
  child?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

test("serves .wasm as application/wasm and the folder's index.html at /", async () => {
  const wasm = await fetch(`${base}/module.wasm`);
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.equal((await wasm.arrayBuffer()).byteLength, 8);
  const index = await fetch(`${base}/`);
  assert.equal(index.headers.get("content-type"), "text/html; charset=utf-8");
  assert.match(await index.text(), /<title>t<\/title>/);
});

// Sends the path exactly as written: fetch() would normalise the dot segments away.
function rawStatus(path) {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path }, (response) => { response.resume(); resolve(response.statusCode); });
    req.on("error", reject);
    req.end();
  });
}

test("never serves a file outside the folder", async () => {
  assert.equal(await rawStatus("/index.html"), 200);
  for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/site/../../secret.txt", "/%zz"]) {
    assert.equal(await rawStatus(path), 404, path);
  }
});

test("refuses methods other than GET and HEAD", async () => {
  const response = await fetch(`${base}/`, { method: "POST", body: "x" });
  assert.equal(response.status, 405);
});
