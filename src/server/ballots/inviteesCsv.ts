import Papa from "papaparse";
import { formatPath, type InviteeInput, inviteeInputSchema, type ValidationIssue } from "../../core/index.js";
import { AppError } from "../errors.js";

/** Most invitees one paste or file may add, and one ballot may have. */
export const MAX_INVITEES = 5_000;

/**
 * Reads invitees from CSV text with a header row naming `name`, `email` and `group` (in any order,
 * any case; `email` may be left out). A file with any bad row adds nobody, and each problem is
 * named by its line, as a spreadsheet shows it.
 */
export function parseInviteesCsv(text: string): InviteeInput[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, "").trim(), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = ["name", "group"].filter((field) => !fields.includes(field));
  if (missing.length > 0) {
    throw new AppError(
      "invalid",
      `The first line must name the columns name,email,group (missing: ${missing.join(", ")})`,
    );
  }
  if (parsed.data.length > MAX_INVITEES) throw new AppError("invalid", `At most ${MAX_INVITEES} invitees at a time`);
  const issues: ValidationIssue[] = [];
  const invitees: InviteeInput[] = [];
  parsed.data.forEach((row, index) => {
    const line = index + 2;
    const checked = inviteeInputSchema.safeParse({
      name: row.name ?? "",
      email: row.email ?? "",
      group: row.group ?? "",
    });
    if (checked.success) invitees.push(checked.data);
    else
      for (const issue of checked.error.issues)
        issues.push({ path: `line ${line}.${formatPath(issue.path)}`, message: issue.message });
  });
  if (issues.length > 0) {
    throw new AppError("invalid", issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n"), issues);
  }
  if (invitees.length === 0) throw new AppError("invalid", "No invitees: add one line per person under the header");
  return invitees;
}
