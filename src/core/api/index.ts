// REST requests and answers, one file per area; ballots' own are in ../ballots/api.ts.
export * from "./auth.js";
export * from "./campaign.js";
export * from "./join.js";
export * from "./report.js";
export * from "./suggestions.js";
export * from "./workshops.js";
