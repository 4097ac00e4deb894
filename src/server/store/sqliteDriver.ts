import { createRequire } from "node:module";
import type Database from "better-sqlite3";

/**
 * The SQLite driver for the Node.js running this process; every module that opens a database
 * gets its constructor here. Two major versions of better-sqlite3, because none works on all of
 * Node.js 20, 22 and 24 (docs/deploying.md, "Node.js versions"):
 * - 13 (installed as `better-sqlite3-13`) on Node.js 22 and later. Version 12 aborts the process
 *   on Node.js 24.19 and later when the garbage collector frees one of its statements outside
 *   JavaScript (nodejs/node#65446); 13 is built on Node-API and ships its compiled binaries.
 * - 12 on Node.js 20, on which 13 crashes at its first statement (it requires Node.js 22).
 * Both have the same API; the types are @types/better-sqlite3's.
 */
export const SQLITE_DRIVER = Number(process.versions.node.split(".")[0]) >= 22 ? "better-sqlite3-13" : "better-sqlite3";

// require, not import: the package to load depends on the running Node.js.
const require = createRequire(import.meta.url);

function loadDriver(): typeof Database {
  try {
    return require(SQLITE_DRIVER);
  } catch (error) {
    // Version 12 is an optional dependency (unused on 22 and later): where it could not compile,
    // `npm install` went on without it, and this is the first place that notices.
    throw new Error(
      `The SQLite driver (${SQLITE_DRIVER}) does not load on Node.js ${process.versions.node}: see README.md, "Run it"`,
      { cause: error },
    );
  }
}

/** better-sqlite3's `Database` constructor, from the driver above. */
export const SqliteDatabase = loadDriver();
