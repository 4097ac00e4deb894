import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import {
  type CsvDelimiter,
  csvDelimiterSchema,
  type Publication,
  publicationSchema,
  publishedReportSchema,
  REPORT_FORMATS,
  type ReportFormat,
  type reportQuery,
} from "../../core/index.js";
import { answerOf, apiErrorOf, facilitatorFetch } from "../api.js";
import { copyText } from "../clipboard.js";
import { requestProblem } from "../problems.js";

/** The CSV separators the server offers: ";" is what a spreadsheet in French expects (its decimal mark is ","). */
const CSV_DELIMITERS = csvDelimiterSchema.options;

/** The report in one format, as the facilitator (a plain link could not send a co-facilitator's key). */
async function fetchReport(
  workshopId: string,
  format: ReportFormat,
  csvDelimiter: CsvDelimiter = ",",
): Promise<Response> {
  const asked: z.input<typeof reportQuery> = { format, ...(format === "csv" ? { csvDelimiter } : {}) };
  const query = new URLSearchParams(asked);
  const response = await facilitatorFetch(workshopId, `/report?${query}`);
  if (!response.ok) throw await apiErrorOf(response);
  return response;
}

/** Saves a downloaded report under the file name the server gave it. */
async function saveReport(response: Response, format: ReportFormat): Promise<void> {
  const disposition = response.headers.get("content-disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `report.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  // In the document while clicked (some browsers ignore a detached link's click), and the object
  // URL kept for a minute: a browser may read it after the click returns.
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Focuses a field and selects its text, ready for Ctrl+C. */
const selectAll = (field: HTMLInputElement | null) => {
  field?.focus();
  field?.select();
};

/**
 * `/w/:id/report`: a preview of the session capture report, a download per format and, for the
 * facilitator, a revocable public link. The preview is the server's HTML report in a sandboxed
 * frame with no scripts, so the user text in it can never act on this page.
 */
export function ReportPage({ workshopId }: { workshopId: string }) {
  const { t, i18n } = useTranslation();
  // In French, the spreadsheet's separator is ";": offered first, and changeable.
  const [csvDelimiter, setCsvDelimiter] = useState<CsvDelimiter>(() => (i18n.language.startsWith("fr") ? ";" : ","));
  const [html, setHtml] = useState<string>();
  const [error, setError] = useState<string>();
  // Undefined while unknown, or when this reader may not publish.
  const [publication, setPublication] = useState<Publication>();
  const [copied, setCopied] = useState<"no" | "yes" | "byHand">("no");

  const loadPreview = useCallback(async () => {
    setHtml(await (await fetchReport(workshopId, "html")).text());
  }, [workshopId]);

  useEffect(() => {
    loadPreview().catch((failure: unknown) => setError(requestProblem(t, failure)));
    facilitatorFetch(workshopId, "/publish")
      .then(async (response) => (response.ok ? setPublication(await answerOf(publicationSchema, response)) : undefined))
      .catch(() => undefined);
  }, [loadPreview, workshopId, t]);

  /** Publishes or revokes; a refusal or a lost connection is said, not swallowed. */
  const changePublication = async (method: "POST" | "DELETE") => {
    setError(undefined);
    try {
      const response = await facilitatorFetch(workshopId, "/publish", { method });
      if (!response.ok) throw await apiErrorOf(response);
      setPublication(
        method === "POST"
          ? { published: true, ...(await answerOf(publishedReportSchema, response)) }
          : { published: false },
      );
    } catch (failure) {
      setError(requestProblem(t, failure));
    }
  };
  const handleDownload = (format: ReportFormat) => {
    setError(undefined);
    fetchReport(workshopId, format, csvDelimiter)
      .then((response) => saveReport(response, format))
      .catch((failure: unknown) => setError(requestProblem(t, failure)));
  };
  const handlePublish = () => changePublication("POST");
  const handleRevoke = () => changePublication("DELETE");
  const handleCopy = async (url: string) => {
    setCopied((await copyText(url)) ? "yes" : "byHand");
  };

  return (
    <main className="page report-page">
      <p className="muted">
        <a href={`/w/${encodeURIComponent(workshopId)}`}>{t("reportPage.backToWorkshop")}</a>
      </p>
      <h1>{t("reportPage.title")}</h1>
      <section className="panel" aria-label={t("reportPage.download")}>
        <strong>{t("reportPage.download")}</strong>{" "}
        {REPORT_FORMATS.map((format) => (
          <button key={format} type="button" onClick={() => handleDownload(format)} style={{ marginRight: 8 }}>
            {t(`reportPage.formats.${format}`)}
          </button>
        ))}
        <button
          type="button"
          onClick={() => loadPreview().catch((failure: unknown) => setError(requestProblem(t, failure)))}
        >
          {t("reportPage.refresh")}
        </button>
        <label style={{ display: "block", marginTop: 8 }}>
          {t("reportPage.csvDelimiter")}{" "}
          <select value={csvDelimiter} onChange={(event) => setCsvDelimiter(event.currentTarget.value as CsvDelimiter)}>
            {CSV_DELIMITERS.map((delimiter) => (
              <option key={delimiter} value={delimiter}>
                {t(delimiter === ";" ? "reportPage.semicolon" : "reportPage.comma")}
              </option>
            ))}
          </select>
        </label>
      </section>
      {publication && (
        <section className="panel" aria-label={t("reportPage.publishTitle")}>
          <strong>{t("reportPage.publishTitle")}</strong>{" "}
          {publication.published ? (
            <>
              <a href={publication.url} target="_blank" rel="noreferrer noopener">
                {publication.url}
              </a>{" "}
              <button type="button" onClick={() => handleCopy(publication.url)}>
                {copied === "yes" ? t("reportPage.copied") : t("reportPage.copy")}
              </button>{" "}
              <button type="button" onClick={handleRevoke}>
                {t("reportPage.revoke")}
              </button>
              {copied === "byHand" && (
                <label style={{ display: "block", marginTop: 8 }}>
                  {t("reportPage.copyByHand")}{" "}
                  <input
                    readOnly
                    value={publication.url}
                    ref={selectAll}
                    onFocus={(event) => event.currentTarget.select()}
                    style={{ width: "100%" }}
                  />
                </label>
              )}
            </>
          ) : (
            <>
              <span className="muted">{t("reportPage.notPublished")}</span>{" "}
              <button type="button" onClick={handlePublish}>
                {t("reportPage.publish")}
              </button>
            </>
          )}
        </section>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {html !== undefined && (
        <iframe
          title={t("reportPage.preview")}
          sandbox=""
          srcDoc={html}
          style={{ width: "100%", height: "80vh", border: "1px solid #c9d2da", borderRadius: 6, background: "#eef1f4" }}
        />
      )}
    </main>
  );
}
