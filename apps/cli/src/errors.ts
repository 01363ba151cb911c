/**
 * A mistake in how the command was called (unknown option, missing argument, arguments that
 * do not go together). The CLI prints its message on one line and exits with {@link EXIT_USAGE}.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Exit code: everything worked. */
export const EXIT_OK = 0;
/** Exit code: some input could not be read, decoded or written; the others were processed. */
export const EXIT_FAILURE = 1;
/** Exit code: the command line itself was wrong; nothing was processed. */
export const EXIT_USAGE = 2;
/** Exit code: a bug in dubao (an unexpected exception), as sysexits' EX_SOFTWARE. */
export const EXIT_INTERNAL = 70;

const FS_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or directory",
  ENOTDIR: "not a directory",
  EISDIR: "is a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  EMFILE: "too many open files",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EIO: "input/output error",
  EEXIST: "file already exists",
};

/**
 * One-line description of a file-system error, without the path (the caller names the file).
 * @param error what `node:fs` threw
 */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && FS_PROBLEMS[code]) return FS_PROBLEMS[code];
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}
