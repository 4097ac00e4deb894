import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { request } from "node:https";
import { join } from "node:path";

/** A self-signed certificate and its key as PEM files in `dir`, and their text. */
export interface SelfSigned {
  certPath: string;
  keyPath: string;
  cert: string;
  key: string;
}

/**
 * Makes a self-signed certificate for 127.0.0.1 and localhost with the openssl command (Node has
 * no API to issue one), valid for a day: the server's TLS tests trust it as their only CA.
 */
export function selfSignedCertificate(dir: string, name = "concord"): SelfSigned {
  const certPath = join(dir, `${name}.cert.pem`);
  const keyPath = join(dir, `${name}.key.pem`);
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1"],
      ...["-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
      ...["-keyout", keyPath, "-out", certPath],
    ],
    { stdio: "pipe" },
  );
  return { certPath, keyPath, cert: readFileSync(certPath, "utf8"), key: readFileSync(keyPath, "utf8") };
}

/** An answer read over HTTPS. */
export interface HttpsAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A request over HTTPS that trusts `ca` alone (Node's fetch takes no CA of its own): the
 * certificate is checked against it and against the URL's host, as a browser would.
 */
export function httpsRequest(
  url: string,
  ca: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpsAnswer> {
  return new Promise((resolveAnswer, reject) => {
    const sent = request(url, { ca, method: options.method ?? "GET", headers: options.headers ?? {} }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => resolveAnswer({ status: response.statusCode ?? 0, headers: response.headers, body }));
      response.on("error", reject);
    });
    sent.on("error", reject);
    sent.end(options.body);
  });
}
