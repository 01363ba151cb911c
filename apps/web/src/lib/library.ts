import "server-only";
import { Library, resolveDbPath } from "@dubao/library";
import { connection } from "next/server";
import { env } from "./env";

const globalForLibrary = globalThis as unknown as { dubaoLibrary?: Library };

/**
 * The library database, opened once per server process (kept on `globalThis` so development
 * reloads do not open it again). Awaiting it marks the page as rendered per request.
 */
export async function getLibrary(): Promise<Library> {
  await connection();
  globalForLibrary.dubaoLibrary ??= Library.open(resolveDbPath({ DUBAO_DB: env.DUBAO_DB }));
  return globalForLibrary.dubaoLibrary;
}
