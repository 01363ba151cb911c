/**
 * A problem the user can act on (a database made by a newer dubao, a bad date, an unreadable
 * input). Its message is one line, fit to print as is; anything else thrown is a bug.
 */
export class LibraryError extends Error {
  override name = "LibraryError";
}
