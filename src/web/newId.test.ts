import { afterEach, describe, expect, it, vi } from "vitest";
import { newId } from "./newId.js";

describe("newId", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("makes version 4 UUIDs where crypto has getRandomValues but no randomUUID, as on a page served over plain HTTP", () => {
    // What an insecure context offers: getRandomValues only.
    const real = globalThis.crypto;
    vi.stubGlobal("crypto", { getRandomValues: (array: Uint8Array) => real.getRandomValues(array) });
    const ids = Array.from({ length: 1000 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
