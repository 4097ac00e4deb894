import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { joinRoutes } from "./join.js";

describe("GET /api/join/:code", () => {
  it("answers 429 past the lookups an address may make in a minute, so join codes cannot be guessed quickly", async () => {
    const app = Fastify();
    const nothing = { findByJoinCode: async () => undefined, get: async () => Promise.reject(new Error("unused")) };
    await app.register(joinRoutes, { service: nothing, lookupsPerMinute: 5 });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 7; attempt++) {
        statuses.push((await app.inject({ method: "GET", url: `/api/join/AAAA${attempt}A` })).statusCode);
      }
      // Unknown codes answer 500 here (no AppError handler in this bare app); what matters is the 429s.
      expect(statuses.slice(5)).toEqual([429, 429]);
      expect(statuses.slice(0, 5)).not.toContain(429);
    } finally {
      await app.close();
    }
  });

  it("counts each client behind a trusted reverse proxy on its own, by X-Forwarded-For", async () => {
    const app = Fastify({ trustProxy: "127.0.0.1" });
    const nothing = { findByJoinCode: async () => undefined, get: async () => Promise.reject(new Error("unused")) };
    await app.register(joinRoutes, { service: nothing, lookupsPerMinute: 2 });
    try {
      const lookUp = (client: string) =>
        app.inject({ url: "/api/join/AAAAAA", remoteAddress: "127.0.0.1", headers: { "x-forwarded-for": client } });
      for (let attempt = 0; attempt < 2; attempt++) expect((await lookUp("203.0.113.7")).statusCode).not.toBe(429);
      expect((await lookUp("203.0.113.7")).statusCode).toBe(429);
      // Another person behind the same proxy is not counted with the first.
      expect((await lookUp("198.51.100.9")).statusCode).not.toBe(429);
    } finally {
      await app.close();
    }
  });
});
