import type { z } from "zod";
import { ok, type Result } from "../result.js";
import { type WorkshopDocument, workshopDocumentSchema } from "./schema.js";

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

/** Validates parsed JSON as `workshop/v1`. */
export function validateWorkshopDocument(input: unknown): ValidationResult {
  const parsed = workshopDocumentSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((issue) => toValidationIssue(issue, input));
  return invalid(issues);
}

/** Parses text (malformed JSON is an issue too) and validates it as `workshop/v1`. */
export function parseWorkshopDocument(text: string): ValidationResult {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return invalid([{ path: "(root)", message: `malformed JSON: ${(error as Error).message}` }]);
  }
  return validateWorkshopDocument(input);
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

function toValidationIssue(issue: z.core.$ZodIssue, input: unknown): ValidationIssue {
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
