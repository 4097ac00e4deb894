import { z } from "zod";

// The REST contract of the session capture report (src/server/routes/report.ts; the report page
// in src/web/report). The CLI's `concord report` offers the same formats and separators.

/** Every format a report can be rendered in. */
export const REPORT_FORMATS = ["pdf", "docx", "html", "md", "csv", "json"] as const;

/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The CSV separators offered: "," and, for spreadsheets in French (where "," is the decimal mark), ";". */
export const csvDelimiterSchema = z.enum([",", ";"]);

/** One of csvDelimiterSchema's separators. */
export type CsvDelimiter = z.infer<typeof csvDelimiterSchema>;

/** `GET /api/workshops/:id/report?format=&csvDelimiter=`: the answer is the file itself. */
export const reportQuery = z.object({
  format: z.enum(REPORT_FORMATS).default("pdf"),
  /** CSV only: ";" for a spreadsheet in French. */
  csvDelimiter: csvDelimiterSchema.optional(),
});

/** `/r/:token`, a published report. */
export const reportTokenParams = z.object({ token: z.string().min(1).max(100) });

/** `POST /api/workshops/:id/publish`: the report's read-only link. */
export const publishedReportSchema = z.object({ token: z.string(), url: z.string() });

/** `GET /api/workshops/:id/publish`: the link, if the report is published. */
export const publicationSchema = z.discriminatedUnion("published", [
  z.object({ published: z.literal(false) }),
  publishedReportSchema.extend({ published: z.literal(true) }),
]);
export type Publication = z.infer<typeof publicationSchema>;
