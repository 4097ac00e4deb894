import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/render.js";
import { makeTempDir, REPO_ROOT, removeDir } from "../support/server.js";
import { syntheticDocument } from "./syntheticWorkshop.js";

let dir: string;
let file: string;
const doc = syntheticDocument({ themes: 3, cards: 10, language: "fr" });

beforeAll(() => {
  dir = makeTempDir();
  file = join(dir, "atelier.workshop.json");
  writeFileSync(file, JSON.stringify(doc));
});

afterAll(() => removeDir(dir));

/** Runs `concord` as a child process with its store in the test's directory. */
function concord(...args: string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/concord.js", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, CONCORD_DATA_DIR: join(dir, "data") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout: Buffer.concat(stdout), stderr }));
  });
}

describe("concord report and export", () => {
  it("`report FILE --out X.pdf` renders the file with no server, the format taken from the extension", async () => {
    const out = join(dir, "report.pdf");
    const result = await concord("report", file, "--out", out);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
    expect(result.stderr).toContain(out);
  });

  it("`report FILE --format md` writes the same bytes as the library's render function to standard output", async () => {
    const result = await concord("report", file, "--format", "md");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.toString()).toBe(new TextDecoder().decode((await renderReport(doc, "md")).body));
    expect(result.stdout.toString()).toContain("Préparé pour\u00a0:");
  });

  it("`report FILE --format csv --csv-delimiter ';'` separates with semicolons, as Excel in French expects", async () => {
    const result = await concord("report", file, "--format", "csv", "--csv-delimiter", ";");
    expect(result.code, result.stderr).toBe(0);
    const header = result.stdout
      .toString()
      .replace(/^\uFEFF/, "")
      .split("\r\n")[0];
    expect(header).toBe("Thème;Carte;Point clé");
  });

  it("refuses a CSV separator other than ',' or ';' (exit 2)", async () => {
    const refused = await concord("report", file, "--format", "csv", "--csv-delimiter", "|");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("csv-delimiter");
  });

  it("refuses an invalid file (exit 1, path-named problem) and an unknown format (exit 2)", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...doc, language: "de" }));
    const invalid = await concord("report", bad, "--format", "md");
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^language: /m);
    const unknown = await concord("report", file, "--format", "exe");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("format: one of pdf, docx, html, md, csv, json");
  });

  it("`export ID --format csv|docx` renders a stored workshop through the same function", async () => {
    const imported = await concord("import", file);
    expect(imported.code, imported.stderr).toBe(0);
    const id = imported.stdout.toString().split("\n")[0] ?? "";
    const csv = await concord("export", id, "--format", "csv");
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.toString()).toBe(
      new TextDecoder("utf-8", { ignoreBOM: true }).decode((await renderReport(doc, "csv")).body),
    );
    const out = join(dir, "export.docx");
    const docx = await concord("export", id, "--format", "docx", "--out", out);
    expect(docx.code, docx.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});
