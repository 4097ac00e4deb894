import { writeFileSync } from "node:fs";
import { z } from "zod";
import { DEFAULT_SETTINGS, documentResults, formatIssues, privacySettings } from "../../core/index.js";
import { csvDelimiterSchema } from "../../report/options.js";
import { REPORT_FORMATS, type RenderedReport, type ReportFormat, renderReport } from "../../report/render.js";
import { onePositional, parseCommandArgs } from "../args.js";
import { CliError } from "../help.js";
import { readBallotsFile } from "../readBallotsFile.js";
import { readWorkshopFile } from "../readWorkshopFile.js";

/** `--format` of `report` and `export`: one of the report formats. */
export const formatOption = z.enum(REPORT_FORMATS, { error: `one of ${REPORT_FORMATS.join(", ")}` });

/** `--csv-delimiter` of `report` and `export`: "," (the default) or ";". */
export const csvDelimiterOption = csvDelimiterSchema.optional();

const reportArgs = z.object({
  positionals: onePositional("FILE"),
  format: formatOption.optional(),
  out: z.string().min(1).optional(),
  "csv-delimiter": csvDelimiterOption,
  ballots: z.string().min(1).optional(),
});

/** The format named by the output file's extension ("notes.md" → md), when it names one. */
function formatOfPath(path: string | undefined): ReportFormat | undefined {
  const parsed = formatOption.safeParse(path?.split(".").pop()?.toLowerCase());
  return parsed.success ? parsed.data : undefined;
}

/**
 * `concord report FILE [--format pdf|docx|html|md|csv|json] [--out OUT] [--csv-delimiter ';']
 * [--ballots BALLOTS]`: renders a workshop/v1 file with no server and no database. Without
 * --format, OUT's extension decides, else PDF. With --ballots, a ballots/v1 file's count goes into
 * the report's prioritization section, held to the workshop's privacy rule, as the server puts a
 * ballot's.
 */
export async function reportCommand(args: string[]): Promise<number> {
  const options = {
    format: { type: "string" },
    out: { type: "string" },
    "csv-delimiter": { type: "string" },
    ballots: { type: "string" },
  } as const;
  const parsed = parseCommandArgs(args, options, reportArgs);
  const { positionals, format, out } = parsed;
  const csvDelimiter = parsed["csv-delimiter"];
  const [file] = positionals;
  const result = readWorkshopFile(file);
  if (!result.ok) throw new CliError(`${file} is not a valid workshop/v1 file:\n${formatIssues(result.error.issues)}`);
  const doc = result.value;
  const { minVotersPerGroup } = privacySettings({ ...DEFAULT_SETTINGS, ...doc.privacy });
  const ballot = parsed.ballots ? documentResults(readBallotsFile(parsed.ballots), minVotersPerGroup) : undefined;
  const chosen = format ?? formatOfPath(out) ?? "pdf";
  const rendered = await renderReport(doc, chosen, {
    ...(csvDelimiter ? { csvDelimiter } : {}),
    ...(ballot ? { ballot } : {}),
  });
  writeReport(rendered, chosen, out, file);
  return 0;
}

/** Writes a rendered report to OUT, or to standard output unless that is a terminal and the format is binary. */
export function writeReport(report: RenderedReport, format: ReportFormat, out: string | undefined, what: string): void {
  if (out) {
    writeFileSync(out, report.body);
    process.stderr.write(`Wrote ${format} of ${what} to ${out}\n`);
    return;
  }
  if ((format === "pdf" || format === "docx") && process.stdout.isTTY)
    throw new CliError(`a ${format} file is binary: name one with --out FILE (e.g. --out ${report.filename})`, 2);
  process.stdout.write(report.body);
}
