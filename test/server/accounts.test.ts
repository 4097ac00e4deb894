import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieOf, login, me, PASSWORD, register } from "../support/accounts.js";
import { requestJson, startTestServer, type TestServer } from "../support/server.js";

/**
 * Facilitator accounts over real HTTP: registration, sign-in, sessions and rate limiting.
 *
 * Register and login are rate limited per address (10 a minute each), and every test here runs
 * from 127.0.0.1, so each group below gets a server of its own to stay within that budget.
 */

describe("registration and sign-in over HTTP", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("register answers 201 with the account, no password hash, and an httpOnly SameSite=Lax session cookie", async () => {
    const response = await register(server.baseUrl, "register@example.org", PASSWORD, "Regina");
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      account: { id: expect.any(String), email: "register@example.org", name: "Regina", createdAt: expect.any(String) },
    });
    const raw = JSON.stringify(response.body);
    expect(raw).not.toMatch(/password|hash|scrypt/i);
    expect(raw).not.toContain(PASSWORD);

    const setCookies = response.headers.getSetCookie();
    expect(setCookies).toHaveLength(1);
    const [pair, ...attributes] = (setCookies[0] ?? "").split(";").map((part) => part.trim());
    expect(pair).toMatch(/^concord_session=[^;]{20,}$/);
    const lower = attributes.map((attribute) => attribute.toLowerCase());
    expect(lower).toContain("httponly");
    expect(lower).toContain("samesite=lax");
    expect(lower).toContain("path=/");
    // The test server's public URL is http:, so the cookie may travel without TLS.
    expect(lower).not.toContain("secure");
    // The token itself is not stored: the cookie value is not the account id.
    expect(pair).not.toContain(response.body.account.id);
  });

  it("treats email as case-insensitive: registered as Ann@X.org, signs in as ann@x.org", async () => {
    const registered = await register(server.baseUrl, "Ann@X.org");
    expect(registered.status).toBe(201);
    expect(registered.body.account.email).toBe("ann@x.org");

    const signedIn = await login(server.baseUrl, "ann@x.org");
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.account).toEqual(registered.body.account);
    expect(JSON.stringify(signedIn.body)).not.toMatch(/password|hash|scrypt/i);
    const session = cookieOf(signedIn);
    expect(session).toMatch(/^concord_session=/);
    expect((await me(server.baseUrl, session)).body.account?.id).toBe(registered.body.account.id);

    // The other spelling of the same address is the same account, not a second one.
    const again = await register(server.baseUrl, "ANN@x.ORG");
    expect(again.status).toBe(409);
  });

  it("refuses a password shorter than 10 characters with 400 naming `password`, and creates nothing", async () => {
    const response = await register(server.baseUrl, "short@example.org", "123456789");
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid");
    expect(response.body.error.issues?.map((issue) => issue.path)).toContain("password");
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await server.accounts.findAccountByEmail("short@example.org")).toBeUndefined();
  });

  it("refuses a second account with the same email with 409 and keeps the first password", async () => {
    const first = await register(server.baseUrl, "dup@example.org");
    expect(first.status).toBe(201);
    const second = await register(server.baseUrl, "dup@example.org", "another long password", "Impostor");
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("conflict");
    expect(second.headers.getSetCookie()).toEqual([]);
    expect((await login(server.baseUrl, "dup@example.org", "another long password")).status).toBe(401);
    const original = await login(server.baseUrl, "dup@example.org");
    expect(original.status).toBe(200);
    expect(original.body.account).toEqual(first.body.account);
  });

  it("answers a wrong password and an unknown email with the same 401", async () => {
    expect((await register(server.baseUrl, "probe@example.org")).status).toBe(201);
    const wrongPassword = await login(server.baseUrl, "probe@example.org", "not the password at all");
    const unknownEmail = await login(server.baseUrl, "nobody-here@example.org", "not the password at all");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.error.code).toBe("unauthorized");
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
    expect(unknownEmail.headers.getSetCookie()).toEqual([]);
  });
});

describe("sessions over HTTP", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("/api/auth/me answers the account with the cookie, and no account without one or with a forged one", async () => {
    const registered = await register(server.baseUrl, "me@example.org", PASSWORD, "Mia");
    const session = cookieOf(registered);
    const signedIn = await me(server.baseUrl, session);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual(registered.body);

    // Not an error: a signed-out page asks on every load, and the console would show each 401.
    const anonymous = await me(server.baseUrl);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ account: null });

    const forged = await me(server.baseUrl, "concord_session=not-a-real-token");
    expect(forged.body).toEqual({ account: null });
  });

  it("logout ends the session: the old cookie no longer signs in, other sessions stay", async () => {
    const registered = await register(server.baseUrl, "leaver@example.org");
    const first = cookieOf(registered);
    const second = cookieOf(await login(server.baseUrl, "leaver@example.org"));
    expect(first).not.toBe(second);
    expect((await me(server.baseUrl, first)).body.account).not.toBeNull();

    const out = await requestJson(server.baseUrl, "POST", "/api/auth/logout", undefined, first);
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ok: true });
    // The browser is told to drop the cookie.
    const cleared = out.headers.getSetCookie().find((cookie) => cookie.startsWith("concord_session="));
    expect(cleared).toMatch(/^concord_session=;/);

    expect((await me(server.baseUrl, first)).body.account).toBeNull();
    const create = await requestJson(server.baseUrl, "POST", "/api/workshops", { title: "After logout" }, first);
    expect(create.status).toBe(401);
    expect((await me(server.baseUrl, second)).body.account).not.toBeNull();
  });

  it("logout without a session is harmless", async () => {
    const out = await requestJson(server.baseUrl, "POST", "/api/auth/logout");
    expect(out.status).toBe(200);
  });
});

describe("login rate limit", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("answers the 11th login attempt within a minute from one address with 429, even with the right password", async () => {
    expect((await register(server.baseUrl, "target@example.org")).status).toBe(201);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      statuses.push((await login(server.baseUrl, "target@example.org", `guess number ${attempt}`)).status);
    }
    expect(statuses).toEqual(Array(10).fill(401));

    const eleventh = await login(server.baseUrl, "target@example.org");
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers.getSetCookie()).toEqual([]);
    // Only the password routes are limited: the rest of the API still answers.
    expect((await me(server.baseUrl, server.session)).status).toBe(200);
    expect((await requestJson(server.baseUrl, "GET", "/healthz")).status).toBe(200);
  });
});
