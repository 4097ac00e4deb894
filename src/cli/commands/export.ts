import { z } from "zod";
import { renderReport } from "../../report/render.js";
import { onePositional, parseCommandArgs } from "../args.js";
import { withService } from "../context.js";
import { csvDelimiterOption, formatOption, writeReport } from "./report.js";

const exportArgs = z.object({
  positionals: onePositional("workshop ID"),
  format: formatOption.default("json"),
  out: z.string().min(1).optional(),
  "csv-delimiter": csvDelimiterOption,
});

/** `concord export ID [--format json|pdf|docx|html|md|csv] [--out FILE] [--csv-delimiter ';']`: the same rendering as `concord report`, from the store. */
export async function exportCommand(args: string[]): Promise<number> {
  const options = { format: { type: "string" }, out: { type: "string" }, "csv-delimiter": { type: "string" } } as const;
  const parsed = parseCommandArgs(args, options, exportArgs);
  const { positionals, format, out } = parsed;
  const csvDelimiter = parsed["csv-delimiter"];
  const [id] = positionals;
  const report = await withService(async ({ service }) =>
    renderReport((await service.get(id)).state, format, csvDelimiter ? { csvDelimiter } : {}),
  );
  writeReport(report, format, out, id);
  return 0;
}
