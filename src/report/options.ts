import { z } from "zod";
import { type BallotResults, csvDelimiterSchema } from "../core/index.js";

// The separators are part of the REST contract (src/core/api/report.ts).
export { type CsvDelimiter, csvDelimiterSchema } from "../core/index.js";

/** How a report is rendered, beyond its format: the same for the CLI, the REST API and the web app. */
export const reportOptionsSchema = z.object({ csvDelimiter: csvDelimiterSchema.optional() });

/**
 * Options of one rendering; every field has a default. `ballot`: the results of the workshop's
 * prioritization ballot (counted on the server, which holds the votes), for the report's section.
 */
export type ReportOptions = z.infer<typeof reportOptionsSchema> & { ballot?: BallotResults };
