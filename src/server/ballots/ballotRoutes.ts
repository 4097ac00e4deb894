import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { addInviteesBody, ballotLinksCsv, changeBallotBody, openBallotBody, workshopParams } from "../../core/index.js";
import type { FacilitatorAuth } from "../auth/facilitatorAuth.js";
import { jsonSchema, parse } from "../routes/schemas.js";
import type { BallotService } from "./ballotService.js";
import { parseInviteesCsv } from "./inviteesCsv.js";

export interface BallotRoutesOptions {
  ballots: BallotService;
  auth: FacilitatorAuth;
}

const ballotParams = z.object({ ballotId: z.string().min(1).max(100) });
const inviteeParams = ballotParams.extend({ inviteeId: z.string().min(1).max(100) });
const linksQuery = z.object({ format: z.enum(["json", "csv"]).default("json") });

/**
 * The facilitator's side of ballots: open one on a workshop's themes, invite, revoke, close or
 * reopen, read the results. Whoever facilitates the workshop (its owner or co-facilitator account,
 * or its facilitator key) may, as for every other workshop route.
 */
export async function ballotRoutes(app: FastifyInstance, { ballots, auth }: BallotRoutesOptions) {
  /** The ballot, once the request is known to come from its workshop's facilitator. */
  const facilitated = async (request: FastifyRequest) => {
    const { ballotId } = parse(ballotParams, request.params);
    const ballot = await ballots.require(ballotId);
    await auth.assertFacilitator(request, ballot.workshopId);
    return ballot;
  };
  const tags = ["ballots"];

  app.post(
    "/api/workshops/:id/ballots",
    { schema: { tags, summary: "Open a ballot on the workshop's themes", body: jsonSchema(openBallotBody) } },
    async (request, reply) => {
      const { id } = parse(workshopParams, request.params);
      await auth.assertFacilitator(request, id);
      const body = parse(openBallotBody, request.body);
      reply.code(201);
      return ballots.open(id, body);
    },
  );

  app.get(
    "/api/workshops/:id/ballots",
    { schema: { tags, summary: "The workshop's ballots, oldest first" } },
    async (request) => {
      const { id } = parse(workshopParams, request.params);
      await auth.assertFacilitator(request, id);
      return { ballots: await ballots.list(id) };
    },
  );

  app.get("/api/ballots/:ballotId", { schema: { tags, summary: "A ballot and its invitees" } }, async (request) => {
    const ballot = await facilitated(request);
    return { ballot: await ballots.summary(ballot), invitees: await ballots.invitees(ballot) };
  });

  app.patch(
    "/api/ballots/:ballotId",
    { schema: { tags, summary: "Close or reopen; set or clear the closing time", body: jsonSchema(changeBallotBody) } },
    async (request) => {
      const ballot = await facilitated(request);
      return ballots.change(ballot, parse(changeBallotBody, request.body));
    },
  );

  app.post(
    "/api/ballots/:ballotId/invitees",
    {
      schema: {
        tags,
        summary:
          "Add invitees from CSV (name,email,group): each gets a personal link, shown this once (?format=csv to download them), emailed when SMTP_URL is set",
        body: jsonSchema(addInviteesBody),
        querystring: jsonSchema(linksQuery),
      },
    },
    async (request, reply) => {
      const ballot = await facilitated(request);
      const { format } = parse(linksQuery, request.query);
      const people = parseInviteesCsv(parse(addInviteesBody, request.body).csv);
      const added = await ballots.addInvitees(ballot, people);
      reply.code(201);
      if (format === "json") return added;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="ballot-links.csv"')
        .send(ballotLinksCsv(added.invitees));
    },
  );

  app.post(
    "/api/ballots/:ballotId/invitees/:inviteeId/revoke",
    { schema: { tags, summary: "Revoke an invitee's personal link: it stops working" } },
    async (request, reply) => {
      const ballot = await facilitated(request);
      const { inviteeId } = parse(inviteeParams, request.params);
      await ballots.revoke(ballot, inviteeId);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/ballots/:ballotId/results",
    { schema: { tags, summary: "Results overall and by group (no group under the privacy threshold), turnout" } },
    async (request) => ballots.results(await facilitated(request)),
  );
}
