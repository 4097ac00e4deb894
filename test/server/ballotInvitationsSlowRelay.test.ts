import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { BallotSummary, IssuedInvitee } from "../../src/core/index.js";
import { smtpMailer } from "../../src/server/ballots/invitations.js";
import {
  importWorkshop,
  REPO_FIXTURE,
  readJson,
  requestJson,
  startTestServer,
  type TestServer,
} from "../support/server.js";

/** How long the relay takes over each message: a throttling relay, or a large list on a slow one. */
const PER_MESSAGE_MS = 500;
const INVITEES = 12;

let smtp: SMTPServer;
let server: TestServer;
const received: string[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        received.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
        setTimeout(callback, PER_MESSAGE_MS);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  // The list takes longer to send than the server waits on a silent connection.
  server = await startTestServer({
    mailer: smtpMailer(`smtp://127.0.0.1:${port}`, "Concord <ballots@concord.test>"),
    timeouts: { connectionMs: (INVITEES * PER_MESSAGE_MS) / 3 },
  });
});
afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

describe("a list that takes the relay longer than a request may last", () => {
  it("answers with every link at once, then emails them all", async () => {
    const workshop = await importWorkshop(server.baseUrl, server.session, readJson(REPO_FIXTURE));
    const opened = await requestJson<BallotSummary>(
      server.baseUrl,
      "POST",
      `/api/workshops/${workshop.id}/ballots`,
      { method: "borda" },
      workshop,
    );
    const people = Array.from({ length: INVITEES }, (_, index) => `Person ${index},p${index}@example.org,Members`);
    const added = await requestJson<{ invitees: IssuedInvitee[]; emailed: number }>(
      server.baseUrl,
      "POST",
      `/api/ballots/${opened.body.id}/invitees`,
      { csv: `name,email,group\n${people.join("\n")}\n` },
      workshop,
    );
    expect(added.status).toBe(201);
    expect(added.body.invitees).toHaveLength(INVITEES);
    expect(added.body.emailed).toBe(INVITEES);
    await vi.waitFor(() => expect(received).toHaveLength(INVITEES), { timeout: 20_000 });
  });
});
