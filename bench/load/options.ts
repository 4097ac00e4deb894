/**
 * Command-line options of the load scenarios, validated with Zod like every other input:
 * `--name value` pairs and bare `--flag`s, camel-cased (`--node-flags` → `nodeFlags`).
 */
import { z } from "zod";

const BARE_FLAGS = new Set(["json", "no-relay"]);

/** Reads `--name value` and `--flag` arguments into an object and validates it. */
export function parseOptions<T extends z.ZodType>(args: string[], schema: T, usage: string): z.infer<T> {
  const raw: Record<string, string | boolean> = {};
  for (let at = 0; at < args.length; at++) {
    const arg = args[at] ?? "";
    if (!arg.startsWith("--")) throw new Error(`Unexpected argument ${arg}\n${usage}`);
    const name = arg.slice(2);
    const key = name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
    if (BARE_FLAGS.has(name)) raw[key] = true;
    else {
      const value = args[++at];
      if (value === undefined) throw new Error(`${arg} needs a value\n${usage}`);
      raw[key] = value;
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`${problems}\n${usage}`);
  }
  return parsed.data;
}

const count = (fallback: number) => z.coerce.number().int().min(1).max(100_000).default(fallback);

/** Options every load scenario shares. */
export const commonOptions = {
  json: z.boolean().default(false),
  /** Load processes (the simulated phones are spread over them). */
  workers: z.coerce.number().int().min(1).max(16).default(2),
  /** Another checkout whose server to run, for a before/after comparison. */
  root: z.string().optional(),
  /** Extra `node` flags for the server under test, space-separated. */
  nodeFlags: z
    .string()
    .default("")
    .transform((flags) => flags.split(" ").filter(Boolean)),
  seconds: z.coerce.number().min(1).max(600).default(10),
};

export { count };

/** Prints one JSON document, or the readable lines. */
export function print(json: boolean, result: object, lines: () => string[]): void {
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${lines().join("\n")}\n`);
}

/** `{p50, p99}` as "p50 / p99 ms". */
export const ms = (value: { p50: number; p99: number; p95?: number }) =>
  value.p95 === undefined
    ? `p50 ${value.p50} / p99 ${value.p99} ms`
    : `p50 ${value.p50} / p95 ${value.p95} / p99 ${value.p99} ms`;
