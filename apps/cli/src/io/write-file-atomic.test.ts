import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileAtomic, writeFileAtomicSync } from "./write-file-atomic.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dubao-atomic-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  ["writeFileAtomicSync", async (file: string, data: string) => writeFileAtomicSync(file, data)],
  ["writeFileAtomic", writeFileAtomic],
])("%s", (name, write) => {
  it("replaces the file whole and leaves no temporary file", async () => {
    const file = path.join(dir, `${name}.json`);
    await writeFile(file, "old");
    await write(file, "新的内容\n");
    expect(await readFile(file, "utf8")).toBe("新的内容\n");
    expect((await readdir(dir)).filter((f) => f.startsWith(`.${name}`))).toEqual([]);
  });

  it("still writes when a crashed run left a temporary file of the name it would take, and leaves that file alone", async () => {
    const file = path.join(dir, `${name}-clash.json`);
    await write(file, "one");
    const used = (await readdir(dir)).length;
    // the names taken are .<file>.<pid>.<thread>-<count>.tmp: lay a leftover on each of the next few counts
    const leftovers = Array.from({ length: 20 }, (_, k) => `.${path.basename(file)}.${process.pid}.${threadId}-${k + 1}.tmp`);
    for (const l of leftovers) await writeFile(path.join(dir, l), "leftover");
    for (let k = 0; k < 3; k++) await write(file, `two ${k}`);
    expect(await readFile(file, "utf8")).toBe("two 2");
    expect((await readdir(dir)).length).toBe(used + leftovers.length);
    for (const l of leftovers) await rm(path.join(dir, l));
  });

  it("throws, and leaves nothing behind, when the directory is missing", async () => {
    await expect(write(path.join(dir, "missing", "x.json"), "x")).rejects.toMatchObject({ code: "ENOENT" });
  });
});
