import { writeFileSync } from "node:fs";
import { z } from "zod";
import { onePositional, parseCommandArgs } from "../args.js";
import { withService } from "../context.js";

const exportArgs = z.object({
  positionals: onePositional("workshop ID"),
  format: z.enum(["json"], { error: 'format: only "json" for now' }).default("json"),
  out: z.string().min(1).optional(),
});

/** `concord export ID --format json [--out FILE]`. */
export async function exportCommand(args: string[]): Promise<number> {
  const options = { format: { type: "string" }, out: { type: "string" } } as const;
  const { positionals, format, out } = parseCommandArgs(args, options, exportArgs);
  const [id] = positionals;
  const text = await withService(async ({ service }) => {
    const doc = await service.exportDocument(id);
    return `${JSON.stringify(doc, null, 2)}\n`;
  });
  if (out) {
    writeFileSync(out, text);
    process.stderr.write(`Wrote ${format} export of ${id} to ${out}\n`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}
