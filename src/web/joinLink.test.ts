import { describe, expect, it } from "vitest";
import { joinOrigin } from "./joinLink.js";

const localhost = { origin: "http://localhost:4321", hostname: "localhost" };
const lan = { origin: "http://192.168.1.20:4321", hostname: "192.168.1.20" };

describe("joinOrigin", () => {
  it("uses PUBLIC_URL whatever address the page is on", () => {
    const address = { publicUrl: "https://concord.example.org/", networkOrigins: [] };
    expect(joinOrigin(localhost, address)).toBe("https://concord.example.org");
    expect(joinOrigin(lan, address)).toBe("https://concord.example.org");
  });

  it("swaps a localhost page for the server's network address", () => {
    const address = { publicUrl: null, networkOrigins: ["http://192.168.1.20:4321", "http://10.0.0.5:4321"] };
    expect(joinOrigin(localhost, address)).toBe("http://192.168.1.20:4321");
    expect(joinOrigin({ origin: "http://127.0.0.1:4321", hostname: "127.0.0.1" }, address)).toBe(
      "http://192.168.1.20:4321",
    );
  });

  it("keeps an address phones can already open", () => {
    const address = { publicUrl: null, networkOrigins: ["http://10.0.0.5:4321"] };
    expect(joinOrigin(lan, address)).toBe("http://192.168.1.20:4321");
  });

  it("falls back to the page's address before the server answers or when it knows no other", () => {
    expect(joinOrigin(localhost, undefined)).toBe("http://localhost:4321");
    expect(joinOrigin(localhost, { publicUrl: null, networkOrigins: [] })).toBe("http://localhost:4321");
  });
});
