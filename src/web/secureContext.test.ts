import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

/** APIs browsers give only to secure contexts (HTTPS or localhost), with the one module allowed to use each. */
const SECURE_ONLY: [RegExp, string | undefined][] = [
  // newId.ts says why it is not used.
  [/crypto\.randomUUID/, "web/newId.ts"],
  [/crypto\.subtle/, undefined],
  [/navigator\.clipboard/, "web/clipboard.ts"],
  [/navigator\.share\b/, undefined],
  [/navigator\.wakeLock/, undefined],
  [/serviceWorker/, undefined],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("the code that runs in the browser", () => {
  it("uses no API kept for secure contexts, which phones on plain HTTP at a network address lack, outside the module that falls back", () => {
    const found = [...sources(join(ROOT, "web")), ...sources(join(ROOT, "core"))].flatMap((path) => {
      const file = relative(ROOT, path);
      const text = readFileSync(path, "utf8");
      return SECURE_ONLY.filter(([api, allowedIn]) => api.test(text) && file !== allowedIn).map(
        ([api]) => `${file}: ${api.source}`,
      );
    });
    expect(found).toEqual([]);
  });
});
