import { parseArgs } from "node:util";
import { z } from "zod";
import { CliError } from "./help.js";

type Options = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

/** Parses a command's arguments and validates them with Zod; usage errors exit with 2. */
export function parseCommandArgs<T extends z.ZodType>(args: string[], options: Options, schema: T): z.infer<T> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}. Run "concord --help".`, 2);
  }
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals });
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    throw new CliError(
      `${where ? `${where}: ` : ""}${issue?.message ?? "invalid arguments"}. Run "concord --help".`,
      2,
    );
  }
  return result.data;
}

/** One required positional argument, named in the usage error. */
export const onePositional = (name: string) =>
  z.tuple([z.string({ error: `missing ${name}` }).min(1)], { error: `expected exactly one ${name}` });
