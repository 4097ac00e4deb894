import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { SQLITE_DRIVER, SqliteDatabase } from "./sqliteDriver.js";

const require = createRequire(import.meta.url);
const nodeMajor = Number(process.versions.node.split(".")[0]);

// What version 12 does wrong on Node.js 24 shows in the server tests there (test/server/restart.test.ts:
// its `concord serve` aborts while starting), not in a small script: it takes a collection run
// outside JavaScript, which a server's heap brings about and a test cannot force.
describe("the SQLite driver", () => {
  it("is better-sqlite3 13 on Node.js 22 and later, 12 on Node.js 20", () => {
    const { name, version } = require(`${SQLITE_DRIVER}/package.json`) as { name: string; version: string };
    expect(name).toBe("better-sqlite3");
    expect(version.split(".")[0]).toBe(nodeMajor >= 22 ? "13" : "12");
  });

  it("opens a database and answers", () => {
    const db = new SqliteDatabase(":memory:");
    try {
      expect(db.prepare("SELECT 40 + 2 AS answer").get()).toEqual({ answer: 42 });
    } finally {
      db.close();
    }
  });

  it("is the only module that loads a driver (the others import its types alone)", () => {
    const root = join(import.meta.dirname, "../..");
    const loading = readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".ts") && !path.endsWith("sqliteDriver.ts"))
      .filter((path) =>
        /^import (?!type )[^;]*from "better-sqlite3(-13)?"/m.test(readFileSync(join(root, path), "utf8")),
      )
      .map((path) => relative(root, join(root, path)));
    expect(loading).toEqual([]);
  });
});
