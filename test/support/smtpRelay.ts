import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";

/** A message the relay took: its envelope's recipients and its raw text. */
export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface SmtpRelay {
  /** `smtp://127.0.0.1:<port>`, for `smtpMailer`; known once the file's `beforeAll`s have run. */
  readonly url: string;
  /** Every message taken so far, in order. */
  readonly received: ReceivedMail[];
}

/**
 * An in-process SMTP relay for the test file, started before its first test and closed after the
 * file. `perMessageMs` holds each message that long before accepting it, as a throttling relay does.
 */
export function withSmtpRelay(options: { perMessageMs?: number } = {}): SmtpRelay {
  const received: ReceivedMail[] = [];
  let port: number | undefined;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        raw += chunk;
      });
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        if (options.perMessageMs) setTimeout(callback, options.perMessageMs);
        else callback();
      });
    },
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });
  return {
    get url() {
      if (port === undefined) throw new Error("The SMTP relay starts in beforeAll");
      return `smtp://127.0.0.1:${port}`;
    },
    received,
  };
}
