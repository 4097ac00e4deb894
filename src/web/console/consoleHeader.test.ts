import { describe, expect, it } from "vitest";
import { organizationAndEvent } from "./consoleHeader.js";

describe("organizationAndEvent", () => {
  it("joins what is filled in", () => {
    expect(organizationAndEvent({ organization: "City of Ottawa", event: "Spring retreat" })).toBe(
      "City of Ottawa | Spring retreat",
    );
    expect(organizationAndEvent({ organization: "", event: "Spring retreat" })).toBe("Spring retreat");
    expect(organizationAndEvent({ organization: " City of Ottawa ", event: "" })).toBe("City of Ottawa");
  });

  it("is empty when neither is filled in, blanks included, so that no separator is left dangling", () => {
    expect(organizationAndEvent({ organization: "", event: "" })).toBe("");
    expect(organizationAndEvent({ organization: "  ", event: "\t" })).toBe("");
  });
});
