import { describe, expect, it } from "vitest";
import { formatDuration, Progress } from "./progress.js";

/** A stderr stand-in that records what is written. */
function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 80, write: (s: string) => (writes.push(s), true) } as unknown as NodeJS.WritableStream & { isTTY: boolean } };
}

describe("Progress", () => {
  it("draws a bar in place on a terminal, with files, MB/s and time left", () => {
    let now = 0;
    const { writes, stream } = fakeStream(true);
    const p = new Progress({ stream, quiet: false, totalFiles: 4, totalBytes: 4_000_000, now: () => now });
    now = 1000;
    p.advance(1_000_000);
    expect(writes.at(-1)).toBe("\r[######------------------] 1/4 files, 1.0 MB/s, 3 s left\u001b[K");
    now = 1050; // too soon to redraw
    p.advance(1_000_000);
    expect(writes).toHaveLength(1);
    p.message("dubao: x.txt: binary file");
    expect(writes.slice(1)).toEqual(["\r\u001b[K", "dubao: x.txt: binary file\n", "\r[############------------] 2/4 files, 1.9 MB/s, 1 s left\u001b[K"]);
    now = 2000;
    p.advance(1_000_000);
    p.advance(1_000_000); // the last file is always drawn
    expect(writes.at(-1)).toBe("\r[########################] 4/4 files, 2.0 MB/s\u001b[K");
    p.finish();
    expect(writes.at(-1)).toBe("\r\u001b[K");
  });

  it("prints a plain line now and then when stderr is not a terminal", () => {
    let now = 0;
    const { writes, stream } = fakeStream(false);
    const p = new Progress({ stream, quiet: false, totalFiles: 3, totalBytes: 3e6, now: () => now });
    now = 1000;
    p.advance(1e6);
    expect(writes).toEqual([]);
    now = 6000;
    p.advance(1e6);
    expect(writes).toEqual(["dubao: 2/3 files, 0.3 MB/s, 3 s left\n"]);
    now = 7000;
    p.advance(1e6);
    p.finish();
    expect(writes).toHaveLength(1);
  });

  it("counts files and shows the speed, with no bar and no time left, while the batch's size is not known", () => {
    let now = 0;
    const { writes, stream } = fakeStream(true);
    const p = new Progress({ stream, quiet: false, totalFiles: undefined, totalBytes: undefined, now: () => now });
    now = 200;
    p.advance(500_000);
    expect(writes.at(-1)).toBe("\r1 file\u001b[K");
    now = 1000;
    p.advance(1_500_000);
    expect(writes.at(-1)).toBe("\r2 files, 2.0 MB/s\u001b[K");
    const plain = fakeStream(false);
    const q = new Progress({ stream: plain.stream, quiet: false, totalFiles: undefined, totalBytes: undefined, now: () => now });
    now = 7000;
    q.advance(6e6);
    expect(plain.writes).toEqual(["dubao: 1 file, 1.0 MB/s\n"]);
  });

  it("prints nothing but problems when quiet", () => {
    let now = 0;
    const { writes, stream } = fakeStream(true);
    const p = new Progress({ stream, quiet: true, totalFiles: 2, totalBytes: 2, now: () => now });
    now = 10_000;
    p.advance(1);
    p.message("dubao: a.txt: problem");
    p.advance(1);
    p.finish();
    expect(writes).toEqual(["dubao: a.txt: problem\n"]);
  });

  it("formats durations", () => {
    expect(formatDuration(4.4)).toBe("4 s");
    expect(formatDuration(125)).toBe("2 min 5 s");
  });
});
