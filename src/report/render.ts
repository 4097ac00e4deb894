import { createHash } from "node:crypto";
import { type ReportFormat, stateToDocument } from "../core/index.js";
import { buildReport, documentTitle, type ReportSource } from "./buildReport.js";
import { renderCsv } from "./csv/renderCsv.js";
import { renderDocx } from "./docx/renderDocx.js";
import { renderHtml } from "./html/renderHtml.js";
import { reportStylesheet } from "./html/styles.js";
import { renderMarkdown } from "./markdown/renderMarkdown.js";
import type { ReportOptions } from "./options.js";
import { renderPdf } from "./pdf/renderPdf.js";

// The formats are part of the REST contract (src/core/api/report.ts); the CLI offers the same.
export { REPORT_FORMATS, type ReportFormat } from "../core/index.js";

/** A rendered report, ready to be written to a file or sent over HTTP. */
export interface RenderedReport {
  body: Uint8Array;
  contentType: string;
  /** An ASCII file name safe for Content-Disposition and any file system. */
  filename: string;
  /**
   * HTML only: the base64 SHA-256 of the report's one stylesheet (exactly the content of its
   * `<style>` element), for a Content-Security-Policy that allows that style and nothing else.
   */
  styleHash?: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Renders a workshop's report in one format. The CLI (from a file or the store) and the server
 * call this same function, so every entry point produces the same bytes.
 */
export async function renderReport(
  source: ReportSource,
  format: ReportFormat,
  options: ReportOptions = {},
): Promise<RenderedReport> {
  const done = (body: Uint8Array) => ({
    body,
    contentType: CONTENT_TYPES[format],
    filename: reportFilename(source, format),
  });
  // JSON is the workshop itself (workshop/v1), not the report's layout.
  if (format === "json") return done(utf8(`${JSON.stringify(toDocument(source), null, 2)}\n`));
  const model = buildReport(source, options.ballot);
  switch (format) {
    case "pdf":
      return done(await renderPdf(model));
    case "docx":
      return done(await renderDocx(model));
    case "html":
      return {
        ...done(utf8(renderHtml(model))),
        styleHash: createHash("sha256").update(reportStylesheet(model)).digest("base64"),
      };
    case "md":
      return done(utf8(renderMarkdown(model)));
    case "csv":
      return done(utf8(renderCsv(model, options.csvDelimiter)));
  }
}

function toDocument(source: ReportSource) {
  return "format" in source ? source : stateToDocument(source);
}

/** "advocacy-campaign-development-session-capture.pdf": the report's title in ASCII, then the format. */
export function reportFilename(source: ReportSource, format: ReportFormat): string {
  const { title, language } = "format" in source ? source : source.context;
  const slug = (format === "json" ? title : documentTitle(title, language))
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return format === "json" ? `${slug || "workshop"}.workshop.json` : `${slug || "session-capture"}.${format}`;
}
