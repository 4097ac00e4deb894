import { describe, expect, it } from "vitest";
import { organizationAndEvent } from "./consoleHeader.js";

describe("organizationAndEvent", () => {
  it("keeps what is filled in, in order", () => {
    expect(organizationAndEvent({ organization: "City of Ottawa", event: "Spring retreat" })).toEqual([
      "City of Ottawa",
      "Spring retreat",
    ]);
    expect(organizationAndEvent({ organization: "", event: "Spring retreat" })).toEqual(["Spring retreat"]);
    expect(organizationAndEvent({ organization: " City of Ottawa ", event: "" })).toEqual(["City of Ottawa"]);
  });

  it("is empty when neither is filled in, blanks included, so that no separator is left dangling", () => {
    expect(organizationAndEvent({ organization: "", event: "" })).toEqual([]);
    expect(organizationAndEvent({ organization: "  ", event: "\t" })).toEqual([]);
  });
});
