/**
 * Array helpers for inputs of any size. `target.push(...items)` passes every item as an argument
 * and overflows the call stack from about 120,000 items (a page dump of that many lines is a
 * big file, not an impossible one); these loop instead.
 */

/** Appends `items` to `target` in place. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}
