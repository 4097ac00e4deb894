import type { z } from "zod";
import { nestingProblem } from "../interchange/nesting.js";
import {
  formatIssues,
  formatPath,
  parseJsonText,
  toValidationIssue,
  type ValidationIssue,
} from "../interchange/validate.js";
import { ok, type Result } from "../result.js";
import { type BallotsDocument, ballotsDocumentSchema } from "./schema.js";

/** Returned, never thrown: the CLI and the server say the same thing about a bad file. */
export type BallotsValidation = Result<
  BallotsDocument,
  { code: "invalid"; message: string; issues: ValidationIssue[] }
>;

/**
 * Validates parsed JSON as `ballots/v1`. A file with any bad value is refused whole, each bad
 * value named by its path: a count from part of a file would be a different count.
 */
export function validateBallotsDocument(input: unknown): BallotsValidation {
  const tooDeep = nestingProblem(input);
  if (tooDeep) return invalid([tooDeep]);
  const parsed = ballotsDocumentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues.map((issue) => ballotIssue(issue, input)));
  const problems = referenceProblems(parsed.data, input as RawDocument);
  return problems.length > 0 ? invalid(problems) : ok(parsed.data);
}

/** Parses text (malformed JSON is an issue too) and validates it as `ballots/v1`. */
export function parseBallotsDocument(text: string): BallotsValidation {
  const json = parseJsonText(text);
  return json.ok ? validateBallotsDocument(json.value) : invalid([json.error]);
}

function ballotIssue(issue: z.core.$ZodIssue, input: unknown): ValidationIssue {
  // Zod calls 2.5 dots "expected int, got number"; a voter would say it differently.
  if (issue.code === "invalid_type" && issue.expected === "int") {
    return { path: formatPath(issue.path), message: "must be a whole number" };
  }
  return toValidationIssue(issue, input);
}

/** The file as written, once the schema has accepted it: its records still hold every key. */
interface RawDocument {
  ballots: { ranking?: string[]; dots?: Record<string, unknown>; ratings?: Record<string, unknown> }[];
}

/**
 * What the schema cannot see alone: ids that name no option or are repeated, and voters who
 * vote twice. Record keys are read from the raw input because Zod drops a `__proto__` key
 * without a word, and that key must be refused like any other unknown id.
 */
function referenceProblems(doc: BallotsDocument, raw: RawDocument): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  const optionIds = new Set<string>();
  doc.options.forEach((option, index) => {
    if (optionIds.has(option.id)) {
      problems.push({ path: `options[${index}].id`, message: `"${option.id}" is already an option's id` });
    }
    optionIds.add(option.id);
  });
  const voters = new Set<string>();
  doc.ballots.forEach((ballot, index) => {
    if (voters.has(ballot.voter)) {
      problems.push({ path: `ballots[${index}].voter`, message: `"${ballot.voter}" already has a ballot` });
    }
    voters.add(ballot.voter);
  });
  raw.ballots.forEach((ballot, index) => {
    if (ballot.ranking) {
      const seen = new Set<string>();
      ballot.ranking.forEach((id, place) => {
        const path = `ballots[${index}].ranking[${place}]`;
        if (!optionIds.has(id)) problems.push({ path, message: `"${id}" is not an option` });
        else if (seen.has(id)) problems.push({ path, message: `"${id}" is ranked twice` });
        seen.add(id);
      });
    }
    for (const [field, record] of [
      ["dots", ballot.dots],
      ["ratings", ballot.ratings],
    ] as const) {
      for (const id of Object.keys(record ?? {})) {
        if (!optionIds.has(id)) {
          problems.push({ path: formatPath(["ballots", index, field, id]), message: `"${id}" is not an option` });
        }
      }
    }
  });
  return problems;
}

function invalid(issues: ValidationIssue[]): BallotsValidation {
  return {
    ok: false,
    error: { code: "invalid", message: `Not a valid ballots/v1 file:\n${formatIssues(issues)}`, issues },
  };
}
