/**
 * Starts the built reader (`dist/server.js`, as scripts/main.sh does) on a free port over a fresh library holding the sample
 * newspaper (the seed page and the dev pages), and stops it afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Library, readPageFile } from "@dubao/library";
import type { TestProject } from "vitest/node";

const APP = path.resolve(import.meta.dirname, "..");
const REPO = path.resolve(APP, "../..");
/** How long the server may take to answer its first request. */
const START_TIMEOUT_MS = 60_000;

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dbPath: string;
    artifacts: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Imports the sample newspaper as scripts/main.sh does: the seed page and the dev pages of the corpus. */
async function importSample(dbPath: string): Promise<void> {
  const library = Library.open(dbPath);
  const groups: Array<[string, string[]]> = [
    ["朔州日报（样张）", [path.join(REPO, "corpus/seed/000_0c30f1900352050f.txt")]],
    [
      "上海报纸（合成样张）",
      readdirSync(path.join(REPO, "corpus/dev"))
        .filter((f) => f.endsWith(".txt"))
        .sort()
        .map((f) => path.join(REPO, "corpus/dev", f)),
    ],
  ];
  for (const [publication, files] of groups) {
    for (const file of files) {
      const loaded = await readPageFile(file);
      if (!loaded.ok) throw new Error(`${file}: ${loaded.problem}`);
      library.importPage(loaded.page, loaded.raw, { publication });
    }
  }
  library.close();
}

let server: ChildProcess | undefined;
let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dir = mkdtempSync(path.join(tmpdir(), "dubao-e2e-"));
  const dbPath = path.join(dir, "library.db");
  await importSample(dbPath);
  const artifacts = path.join(REPO, "test-artifacts/e2e");
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(APP, "dist/server.js"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: APP,
    env: { ...process.env, DUBAO_DB: dbPath, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the reader exited with ${server.exitCode}:\n${log}`);
    try {
      const response = await fetch(`${baseUrl}/api/search?q=`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the reader did not start within ${START_TIMEOUT_MS / 1000} s:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide("baseUrl", baseUrl);
  project.provide("dbPath", dbPath);
  project.provide("artifacts", artifacts);
}

export async function teardown(): Promise<void> {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server!.once("exit", r));
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}
