import { readFileSync } from "node:fs";
import { parseWorkshopDocument, type ValidationResult } from "../core/index.js";
import { CliError } from "./help.js";

/** Reads and validates a workshop/v1 file. */
export function readWorkshopFile(path: string): ValidationResult {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseWorkshopDocument(text);
}
