/**
 * Concord's domain core: commands → validated events → reducer.
 *
 * Pure by rule: nothing in src/core may import Node, the DOM, a database, a socket or a clock
 * (biome.json enforces the boundary). Time and ids come in as arguments. The same code runs in
 * the server, the CLI and the browser.
 */
export * from "./api/index.js";
export * from "./ballots/index.js";

export * from "./campaign.js";
export * from "./campaignSummary.js";
export * from "./cardMap.js";
export * from "./commands.js";
export * from "./csvCells.js";
export * from "./decide.js";
export * from "./events.js";
export * from "./groupBreakdown.js";
export * from "./hiddenAuthors.js";
export * from "./hiddenCampaign.js";
export * from "./hiddenVotes.js";
export * from "./instructions.js";
export * from "./interchange/index.js";
export * from "./joinCodes.js";
export * from "./limits.js";
export * from "./loopback.js";
export * from "./merge.js";
export * from "./model.js";
export * from "./permissions.js";
export * from "./phases.js";
export * from "./protocol.js";
export * from "./quotas.js";
export * from "./reducer.js";
export * from "./refusals.js";
export * from "./replica.js";
export * from "./result.js";
export * from "./tally/index.js";
export * from "./undo.js";
export * from "./workshop.js";
