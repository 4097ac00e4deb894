/**
 * The one count of prioritization ballots (`ballots/v1`): dots, Borda, instant run-off and 1–5
 * ratings, overall and by stakeholder group, by rules written out so that anyone can check them.
 * Pure like the rest of src/core; `concord tally` and the report's prioritization count with it.
 */
export * from "./borda.js";
export * from "./dots.js";
export * from "./irv.js";
export * from "./rating.js";
export * from "./results.js";
export * from "./schema.js";
export * from "./tally.js";
export * from "./validate.js";
