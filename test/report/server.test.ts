import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importWorkshop, startTestServer, type TestServer } from "../support/server.js";
import { syntheticDocument } from "./syntheticWorkshop.js";

let server: TestServer;
let id: string;
let key: string;

const XSS = "<img src=x onerror=alert(1)>";

beforeAll(async () => {
  server = await startTestServer();
  const doc = syntheticDocument({ themes: 3, cards: 12 });
  doc.themes[0]?.cards.push({ id: "xss", text: XSS });
  const created = await importWorkshop(server.baseUrl, server.session, { ...doc, title: "Équipe d'été" });
  id = created.id;
  key = created.facilitatorKey;
});

afterAll(async () => {
  await server?.stop();
});

const call = (method: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}${path}`, { method, headers });
/** The headers of a request made with the workshop's facilitator key. */
const facilitator = () => ({ "x-facilitator-key": key });

describe("GET /api/workshops/:id/report", () => {
  it.each([
    ["pdf", "application/pdf", "%PDF-"],
    ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"],
    ["html", "text/html; charset=utf-8", "<!doctype html>"],
    ["md", "text/markdown; charset=utf-8", "# Équipe d'été Session Capture"],
    ["csv", "text/csv; charset=utf-8", "\uFEFFTheme,Card,Key point"],
    ["json", "application/json; charset=utf-8", '{\n  "format": "workshop/v1"'],
  ])("format=%s answers %s as an attachment with a safe file name", async (format, type, start) => {
    const response = await call("GET", `/api/workshops/${id}/report?format=${format}`, facilitator());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    const filename = format === "json" ? "equipe-d-ete.workshop.json" : `equipe-d-ete-session-capture.${format}`;
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${filename}"`);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(body.slice(0, 60)).startsWith(start)).toBe(true);
  });

  it("csvDelimiter=; separates the CSV with semicolons; another separator is refused (400)", async () => {
    const response = await call("GET", `/api/workshops/${id}/report?format=csv&csvDelimiter=%3B`, facilitator());
    expect(response.status).toBe(200);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFFTheme;Card;Key point\r\n")).toBe(true);
    expect((await call("GET", `/api/workshops/${id}/report?format=csv&csvDelimiter=%7C`, facilitator())).status).toBe(
      400,
    );
  });

  it("refuses an unknown format (400) and an unknown workshop (403, like a workshop not one's own)", async () => {
    expect((await call("GET", `/api/workshops/${id}/report?format=exe`, facilitator())).status).toBe(400);
    expect((await call("GET", "/api/workshops/no-such-workshop/report?format=md", facilitator())).status).toBe(403);
  });
});

describe("publishing the report at /r/:token", () => {
  it("only the facilitator may publish, see or revoke the link", async () => {
    for (const method of ["GET", "POST", "DELETE"]) {
      expect((await call(method, `/api/workshops/${id}/publish`)).status).toBe(403);
      expect((await call(method, `/api/workshops/${id}/publish`, { "x-facilitator-key": "wrong" })).status).toBe(403);
    }
  });

  it("publishes a read-only page with a strict policy, keeps one link, and revokes it", async () => {
    expect(await (await call("GET", `/api/workshops/${id}/publish`, facilitator())).json()).toEqual({
      published: false,
    });
    const published = (await (await call("POST", `/api/workshops/${id}/publish`, facilitator())).json()) as {
      token: string;
      url: string;
    };
    expect(published.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(published.url).toBe(`${server.publicUrl}/r/${published.token}`);
    const again = await (await call("POST", `/api/workshops/${id}/publish`, { cookie: server.session })).json();
    expect(again).toEqual(published);

    const page = await call("GET", `/r/${published.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain("<h1><bdi>Équipe d&#39;été Session Capture</bdi></h1>");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain(XSS);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const hash = createHash("sha256").update(style).digest("base64");
    const policy = page.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`style-src 'sha256-${hash}'`);
    expect(policy).toMatch(/(^|; )sandbox(;|$)/);
    expect(policy).not.toContain("script-src");
    expect(page.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(page.headers.get("cache-control")).toBe("no-store");

    const revoked = await call("DELETE", `/api/workshops/${id}/publish`, facilitator());
    expect(revoked.status).toBe(204);
    expect((await call("GET", `/r/${published.token}`)).status).toBe(404);
    expect(await (await call("GET", `/api/workshops/${id}/publish`, facilitator())).json()).toEqual({
      published: false,
    });

    const renewed = (await (await call("POST", `/api/workshops/${id}/publish`, facilitator())).json()) as {
      token: string;
    };
    expect(renewed.token).not.toBe(published.token);
    expect((await call("GET", `/r/${published.token}`)).status).toBe(404);
    expect((await call("GET", `/r/${renewed.token}`)).status).toBe(200);
  });

  it("answers 404 for a token that was never issued or is malformed", async () => {
    for (const token of ["A".repeat(43), "short", "..%2F..%2Fetc"]) {
      const response = await call("GET", `/r/${token}`);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-security-policy")).toContain("sandbox");
    }
  });
});
