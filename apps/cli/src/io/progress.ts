/**
 * Progress of a batch on stderr: a bar redrawn in place when stderr is a terminal, a plain line
 * now and then otherwise, nothing when quiet. Problems are printed through it, so that a
 * message never lands in the middle of the bar. A batch whose size is not known beforehand (its
 * inputs are found while it runs) shows a count and a speed instead of a bar and a time left.
 */

/** Redraw the bar at most this often: often enough to look live, rarely enough to cost nothing. */
const BAR_REDRAW_MS = 100;
/** A plain progress line at most this often, for logs that nobody watches live. */
const PLAIN_LINE_MS = 5000;
/** Width of the bar in character cells. */
const BAR_CELLS = 24;
/** Before this much time has passed, speed and time left are too noisy to show. */
const MIN_ESTIMATE_MS = 500;

const MB = 1e6;

export interface ProgressOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  quiet: boolean;
  /** Files and bytes the run will do in all; `undefined` while not known. */
  totalFiles: number | undefined;
  totalBytes: number | undefined;
  /** Clock in milliseconds (tests pass their own). */
  now?: () => number;
}

/** Seconds as `12 s` or `3 min 5 s`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export class Progress {
  readonly #o: ProgressOptions;
  readonly #now: () => number;
  readonly #start: number;
  readonly #tty: boolean;
  #files = 0;
  #bytes = 0;
  #lastDraw = -Infinity;
  #barShown = false;

  constructor(options: ProgressOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => performance.now());
    this.#start = this.#now();
    this.#tty = options.stream.isTTY === true;
  }

  /** Changes what the run will do in all (inputs dropped before conversion are not counted). */
  setTotals(files: number, bytes: number): void {
    this.#o.totalFiles = files;
    this.#o.totalBytes = bytes;
  }

  /** Milliseconds since the start. */
  elapsedMs(): number {
    return this.#now() - this.#start;
  }

  /** One more file done (or failed), of `bytes` input bytes. */
  advance(bytes: number): void {
    this.#files++;
    this.#bytes += bytes;
    if (this.#o.quiet) return;
    const t = this.#now();
    if (this.#tty) {
      if (t - this.#lastDraw >= BAR_REDRAW_MS || this.#files === this.#o.totalFiles) this.#draw(t);
    } else if (t - this.#lastDraw >= PLAIN_LINE_MS && t - this.#start >= PLAIN_LINE_MS && this.#files !== this.#o.totalFiles) {
      this.#lastDraw = t;
      this.#o.stream.write(`dubao: ${this.#status(t)}\n`);
    }
  }

  /** Prints a line (a problem) above the bar. Printed even when quiet: problems always show. */
  message(line: string): void {
    this.#clear();
    this.#o.stream.write(`${line}\n`);
    if (this.#barShown) this.#draw(this.#now());
  }

  /** Removes the bar, before the summary. */
  finish(): void {
    this.#clear();
    this.#barShown = false;
  }

  #status(t: number): string {
    const { totalFiles, totalBytes } = this.#o;
    const elapsed = (t - this.#start) / 1000;
    let text = totalFiles === undefined ? `${this.#files} file${this.#files === 1 ? "" : "s"}` : `${this.#files}/${totalFiles} files`;
    if (t - this.#start >= MIN_ESTIMATE_MS && this.#bytes > 0) {
      const rate = this.#bytes / elapsed;
      text += `, ${(rate / MB).toFixed(1)} MB/s`;
      if (totalFiles !== undefined && totalBytes !== undefined && this.#files < totalFiles) text += `, ${formatDuration((totalBytes - this.#bytes) / rate)} left`;
    }
    return text;
  }

  #draw(t: number): void {
    this.#lastDraw = t;
    const { totalFiles } = this.#o;
    let line = this.#status(t);
    if (totalFiles !== undefined) {
      const done = totalFiles === 0 ? 1 : this.#files / totalFiles;
      const filled = Math.round(done * BAR_CELLS);
      line = `[${"#".repeat(filled)}${"-".repeat(BAR_CELLS - filled)}] ${line}`;
    }
    const columns = this.#o.stream.columns;
    if (columns !== undefined && line.length >= columns) line = line.slice(0, columns - 1);
    this.#o.stream.write(`\r${line}\u001b[K`);
    this.#barShown = true;
  }

  #clear(): void {
    if (this.#tty && this.#barShown) this.#o.stream.write("\r\u001b[K");
  }
}
