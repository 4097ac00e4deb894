/**
 * Regenerates the pictures of docs/report/: every page of the PDF report of a 10-theme, 180-card
 * town hall, and of its DOCX as LibreOffice lays it out, as small PNGs to look at by eye.
 *
 *   npm run report:pictures
 *
 * Needs poppler's `pdftoppm` and LibreOffice's `soffice` (Debian: poppler-utils,
 * libreoffice-writer-nogui). Not a test: it writes into docs/, and a person judges the result.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderReport } from "../../src/report/render.js";
import { REPO_ROOT } from "../support/server.js";
import { variedDocument } from "./variedWorkshops.js";

const OUT = join(REPO_ROOT, "docs", "report");
/** Enough to read a card's text on screen, small enough for the repository (under 300 kB a page). */
const DPI = "60";

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr || result.error}`);
}

/** Every page of `pdf` as `<name>-<n>.png` in docs/report/, replacing the pictures of an earlier run. */
function pages(pdf: string, name: string): string[] {
  for (const old of readdirSync(OUT).filter((file) => file.startsWith(`${name}-`))) rmSync(join(OUT, old));
  run("pdftoppm", ["-png", "-r", DPI, pdf, join(OUT, name)]);
  // pdftoppm numbers pages "-01" when there are ten or more; the pictures are named "-1", "-2"…
  const written = readdirSync(OUT).filter((file) => file.startsWith(`${name}-`));
  return written.map((file) => {
    const page = Number(/-(\d+)\.png$/.exec(file)?.[1]);
    const renamed = `${name}-${page}.png`;
    renameSync(join(OUT, file), join(OUT, renamed));
    return renamed;
  });
}

const dir = mkdtempSync(join(tmpdir(), "concord-pictures-"));
try {
  const doc = variedDocument({ topic: "townHall", themes: 10, cards: 180, voters: 60 });
  const pdf = join(dir, "town-hall.pdf");
  const docx = join(dir, "town-hall.docx");
  writeFileSync(pdf, (await renderReport(doc, "pdf")).body);
  writeFileSync(docx, (await renderReport(doc, "docx")).body);
  run("soffice", [
    "--headless",
    `-env:UserInstallation=file://${join(dir, "profile")}`,
    "--convert-to",
    "pdf",
    "--outdir",
    join(dir, "lo"),
    docx,
  ]);
  const written = [...pages(pdf, "town-hall-pdf"), ...pages(join(dir, "lo", "town-hall.pdf"), "town-hall-docx")];
  process.stdout.write(`${written.map((file) => join("docs", "report", file)).join("\n")}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
