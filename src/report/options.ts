import { z } from "zod";

/** The CSV separators offered: "," and, for spreadsheets in French (where "," is the decimal mark), ";". */
export const csvDelimiterSchema = z.enum([",", ";"]);

/** One of csvDelimiterSchema's separators. */
export type CsvDelimiter = z.infer<typeof csvDelimiterSchema>;

/** How a report is rendered, beyond its format: the same for the CLI, the REST API and the web app. */
export const reportOptionsSchema = z.object({ csvDelimiter: csvDelimiterSchema.optional() });

/** Options of one rendering; every field has a default. */
export type ReportOptions = z.infer<typeof reportOptionsSchema>;
