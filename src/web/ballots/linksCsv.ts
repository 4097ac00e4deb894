import { ballotLinksCsv, type IssuedInvitee } from "../../core/index.js";

/** The personal links as a CSV file for a mail merge, made in the browser: the server keeps only their hashes. */
export function linksCsvUrl(invitees: readonly IssuedInvitee[]): string {
  return URL.createObjectURL(new Blob([ballotLinksCsv(invitees)], { type: "text/csv;charset=utf-8" }));
}
