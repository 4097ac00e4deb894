import { readFileSync } from "node:fs";
import { type BallotsDocument, formatIssues, parseBallotsDocument } from "../core/index.js";
import { CliError } from "./help.js";

/** Reads a ballots/v1 file, or refuses it whole (exit 1) with each bad value named by its path. */
export function readBallotsFile(path: string): BallotsDocument {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const parsed = parseBallotsDocument(text);
  if (!parsed.ok)
    throw new CliError(
      `${path} is not a valid ballots/v1 file; nothing was counted:\n${formatIssues(parsed.error.issues)}`,
    );
  return parsed.value;
}
