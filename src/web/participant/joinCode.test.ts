import { describe, expect, it } from "vitest";
import { cleanJoinCode, isCompleteJoinCode } from "./joinCode.js";

describe("cleanJoinCode", () => {
  it("upper-cases and drops spaces and dashes, as people read a code aloud", () => {
    expect(cleanJoinCode(" k7m-4px ")).toBe("K7M4PX");
    expect(cleanJoinCode("k7m 4px")).toBe("K7M4PX");
    expect(cleanJoinCode("K7M–4PX")).toBe("K7M4PX");
  });

  it("takes the code out of a pasted join link", () => {
    expect(cleanJoinCode("https://concord.example/join/k7m-4px")).toBe("K7M4PX");
    expect(cleanJoinCode("concord.example/join/K7M4PX?from=qr")).toBe("K7M4PX");
  });

  it("keeps at most six characters", () => {
    expect(cleanJoinCode("K7M4PXQ")).toBe("K7M4PX");
  });

  it("says when a code is complete", () => {
    expect(isCompleteJoinCode(cleanJoinCode("k7m-4px"))).toBe(true);
    expect(isCompleteJoinCode(cleanJoinCode("k7m-4p"))).toBe(false);
  });
});
