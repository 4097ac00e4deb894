/**
 * Prioritization ballots over days: the REST contract, the check of one vote and the results
 * (counted by `../tally`, under the room's vote-privacy rule). Pure like the rest of src/core:
 * times come in as arguments.
 */
export * from "./api.js";
export * from "./ballotResults.js";
export * from "./checkVote.js";
export * from "./linksCsv.js";
