import type { z } from "zod";
import { ok, type Result } from "../result.js";
import { nestingProblem } from "./nesting.js";
import { type WorkshopDocument, workshopDocumentSchema } from "./schema.js";

/**
 * The largest `workshop/v1` file taken in, in bytes: far above a 2,000-card workshop with a
 * logo, and the same for the CLI and HTTP so that `validate` and `import` agree.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** One problem in a file, located by a JSON path such as `themes[2].cards[0].text`. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** Returned, never thrown, so the CLI, HTTP and tests print the same messages. */
export type ValidationResult = Result<
  WorkshopDocument,
  { code: "invalid"; message: string; issues: ValidationIssue[] }
>;

/**
 * Validates parsed JSON as `workshop/v1`: the one check behind `concord validate`, `concord
 * import` and `POST /api/workshops/import`. Nesting is judged first, without recursion.
 */
export function validateWorkshopDocument(input: unknown): ValidationResult {
  const tooDeep = nestingProblem(input);
  if (tooDeep) return invalid([tooDeep]);
  const parsed = workshopDocumentSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((issue) => toValidationIssue(issue, input));
  return invalid(issues);
}

/** Parses text (malformed JSON is an issue too) and validates it as `workshop/v1`. */
export function parseWorkshopDocument(text: string): ValidationResult {
  const json = parseJsonText(text);
  return json.ok ? validateWorkshopDocument(json.value) : invalid([json.error]);
}

/** Parses the text of a file taken in, at most MAX_DOCUMENT_BYTES: a problem is an issue at `(root)`. */
export function parseJsonText(text: string): Result<unknown, ValidationIssue> {
  if (utf8Length(text) > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      error: { path: "(root)", message: `too large (at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB)` },
    };
  }
  try {
    return ok(JSON.parse(text));
  } catch (error) {
    return { ok: false, error: { path: "(root)", message: `malformed JSON: ${(error as Error).message}` } };
  }
}

/** The length of `text` in UTF-8 bytes, as HTTP's body limit counts it (the core has no Buffer). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    // A surrogate pair is four bytes: two for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

/** `themes[2].cards[0].text: required` — one line per issue. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n");
}

/** Formats a Zod path the way a reader of the JSON would write it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(root)";
}

function invalid(issues: ValidationIssue[]): ValidationResult {
  const message = `Not a valid workshop/v1 file:\n${formatIssues(issues)}`;
  return { ok: false, error: { code: "invalid", message, issues } };
}

/** Says a Zod issue the way a file's reader understands it, at the path of the bad value. */
export function toValidationIssue(issue: z.core.$ZodIssue, input: unknown): ValidationIssue {
  const path = formatPath(issue.path);
  const value = valueAt(input, issue.path);
  if (value === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value")) {
    return { path, message: "required" };
  }
  switch (issue.code) {
    case "invalid_type":
      return { path, message: `expected ${issue.expected}, got ${describe(value)}` };
    case "too_small":
      if (issue.origin === "string") return { path, message: "must not be empty" };
      return { path, message: `must be at least ${issue.minimum}` };
    case "too_big":
      if (issue.origin === "string") return { path, message: `too long (at most ${issue.maximum} characters)` };
      if (issue.origin === "array") return { path, message: `too many items (at most ${issue.maximum})` };
      return { path, message: `must be at most ${issue.maximum}` };
    case "unrecognized_keys":
      return { path: issue.keys.map((key) => formatPath([...issue.path, key])).join(", "), message: "unknown field" };
    default:
      return { path, message: issue.message };
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
