import Papa from "papaparse";
import type { IssuedInvitee } from "../../core/index.js";

/** The personal links as a CSV file for a mail merge, made in the browser: the server keeps only their hashes. */
export function linksCsvUrl(invitees: readonly IssuedInvitee[]): string {
  const csv = Papa.unparse(
    invitees.map(({ name, email, group, link }) => ({ name, email, group, link })),
    { columns: ["name", "email", "group", "link"], newline: "\r\n", escapeFormulae: true },
  );
  return URL.createObjectURL(new Blob([`${csv}\r\n`], { type: "text/csv;charset=utf-8" }));
}
