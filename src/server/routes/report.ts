import type { FastifyInstance, FastifyReply } from "fastify";
import type { z } from "zod";
import {
  type BallotResults,
  type Publication,
  publicationSchema,
  publishedReportSchema,
  type ReportFormat,
  reportQuery,
  reportTokenParams,
  type WorkshopState,
  workshopParams,
} from "../../core/index.js";
import type { ReportOptions } from "../../report/options.js";
import { type ReportPool, ReportPoolBusyError } from "../../report/pool/reportPool.js";
import { type RenderedReport, renderReport } from "../../report/render.js";
import { tooLargeToRender } from "../../report/size.js";
import type { FacilitatorAuth } from "../auth/facilitatorAuth.js";
import { AppError } from "../errors.js";
import type { EventStore } from "../store/eventStore.js";
import type { WorkshopService } from "../workshopService.js";
import { currentReportToken, publishReport, revokeReport, workshopOfReportToken } from "./reportLinks.js";
import { jsonSchema, parse, responds } from "./schemas.js";

/** What the report routes need from the app. */
export interface ReportRoutesOptions {
  service: WorkshopService;
  store: EventStore;
  auth: FacilitatorAuth;
  publicUrl: string;
  /** Where reports render, off the event loop. */
  reports: ReportPool;
  /** The results of the workshop's latest ballot with votes, for the report's prioritization section. */
  ballotResults?: (workshopId: string) => Promise<BallotResults | undefined>;
  /** Told how long each render took, by format. */
  onRender?: (format: string, seconds: number) => void;
}

/**
 * The policy of a report page: nothing may load or run; only the report's own stylesheet (by
 * hash) and its embedded logo (a data: URL) apply, and `sandbox` gives the page an opaque origin,
 * so even a flaw in escaping could not reach Concord's cookies or API.
 */
export function reportPagePolicy(styleHash: string): string {
  return [
    "default-src 'none'",
    `style-src 'sha256-${styleHash}'`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "sandbox",
  ].join("; ");
}

const NOT_FOUND_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Report not available</title>
<p>This report is not available: the link may have been revoked.</p>
<p lang="fr">Ce compte rendu n’est pas disponible : le lien a peut-être été révoqué.</p></html>\n`;

/** Downloads of the session capture report, and its revocable public link `/r/:token`. */
export async function reportRoutes(app: FastifyInstance, options: ReportRoutesOptions) {
  const { service, store, auth, publicUrl, reports } = options;
  const link = (token: string): z.output<typeof publishedReportSchema> => ({ token, url: `${publicUrl}/r/${token}` });

  /**
   * Renders on the pool's workers: refused at once when the workshop is too large to render or
   * every worker is busy with a full queue. JSON is the state as it is, written on the spot.
   */
  const render = async (
    state: WorkshopState,
    format: ReportFormat,
    options: ReportOptions = {},
  ): Promise<RenderedReport> => {
    if (format === "json") return renderReport(state, format);
    const tooLarge = tooLargeToRender(state);
    if (tooLarge) throw new AppError("too_large", tooLarge);
    try {
      return await reports.render(state, format, options);
    } catch (error) {
      if (!(error instanceof ReportPoolBusyError)) throw error;
      throw new AppError("busy", error.message, undefined, undefined, error.retryAfterSeconds);
    }
  };

  app.get(
    "/api/workshops/:id/report",
    {
      schema: {
        tags: ["reports"],
        summary: "The session capture report as a file: pdf, docx, html, md, csv (cards) or json (workshop/v1)",
        params: jsonSchema(workshopParams),
        querystring: jsonSchema(reportQuery),
      },
    },
    async (request, reply) => {
      const { id } = parse(workshopParams, request.params);
      const { format, csvDelimiter } = parse(reportQuery, request.query);
      await auth.assertFacilitator(request, id);
      const { state } = await service.get(id);
      const started = performance.now();
      const ballot = await options.ballotResults?.(id);
      const report = await render(state, format, {
        ...(csvDelimiter ? { csvDelimiter } : {}),
        ...(ballot ? { ballot } : {}),
      });
      options.onRender?.(format, (performance.now() - started) / 1000);
      // Downloaded HTML is an attachment, but should a browser show it anyway, it gets the report page's policy.
      if (report.styleHash) reply.header("content-security-policy", reportPagePolicy(report.styleHash));
      return reply
        .header("content-type", report.contentType)
        .header("content-disposition", `attachment; filename="${report.filename}"`)
        .header("cache-control", "no-store")
        .send(Buffer.from(report.body));
    },
  );

  app.get(
    "/api/workshops/:id/publish",
    {
      schema: {
        tags: ["reports"],
        summary: "The report's public link, if published (facilitator only)",
        params: jsonSchema(workshopParams),
        response: responds(publicationSchema),
      },
    },
    async (request): Promise<Publication> => {
      const { id } = parse(workshopParams, request.params);
      await auth.assertFacilitator(request, id);
      const token = await currentReportToken(store, id);
      return token ? { published: true, ...link(token) } : { published: false };
    },
  );

  app.post(
    "/api/workshops/:id/publish",
    {
      schema: {
        tags: ["reports"],
        summary: "Publish the report at a read-only link (facilitator only)",
        params: jsonSchema(workshopParams),
        response: responds(publishedReportSchema),
      },
    },
    async (request) => {
      const { id } = parse(workshopParams, request.params);
      await auth.assertFacilitator(request, id);
      await service.get(id);
      return link(await publishReport(store, id));
    },
  );

  app.delete(
    "/api/workshops/:id/publish",
    {
      schema: {
        tags: ["reports"],
        summary: "Revoke the report's public link (facilitator only)",
        params: jsonSchema(workshopParams),
      },
    },
    async (request, reply) => {
      const { id } = parse(workshopParams, request.params);
      await auth.assertFacilitator(request, id);
      await revokeReport(store, id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/r/:token",
    {
      schema: {
        tags: ["reports"],
        summary: "A published report, read-only (HTML)",
        params: jsonSchema(reportTokenParams),
      },
    },
    async (request, reply) => {
      const { token } = parse(reportTokenParams, request.params);
      const workshopId = await workshopOfReportToken(store, token);
      reply
        .header("cache-control", "no-store")
        .header("referrer-policy", "no-referrer")
        .header("x-robots-tag", "noindex, nofollow")
        .type("text/html; charset=utf-8");
      if (!workshopId) return notFound(reply);
      const ballot = await options.ballotResults?.(workshopId);
      const page = await render((await service.get(workshopId)).state, "html", ballot ? { ballot } : {});
      return reply
        .header("content-security-policy", reportPagePolicy(page.styleHash ?? ""))
        .send(Buffer.from(page.body));
    },
  );
}

function notFound(reply: FastifyReply) {
  return reply.code(404).header("content-security-policy", "default-src 'none'; sandbox").send(NOT_FOUND_PAGE);
}
