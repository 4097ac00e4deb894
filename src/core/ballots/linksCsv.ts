import Papa from "papaparse";
import { FORMULA_START } from "../csvCells.js";

/**
 * The personal links as CSV, for a mail merge or a spreadsheet: what the server's download and the
 * console's (made in the browser) both give. Names and groups come from whoever wrote the invitee
 * list, so a cell a spreadsheet would run as a formula is escaped.
 */
export function ballotLinksCsv(invitees: readonly { name: string; email: string; group: string; link: string }[]) {
  const rows = invitees.map(({ name, email, group, link }) => ({ name, email, group, link }));
  const csv = Papa.unparse(rows, {
    columns: ["name", "email", "group", "link"],
    newline: "\r\n",
    escapeFormulae: FORMULA_START,
  });
  return `${csv}\r\n`;
}
