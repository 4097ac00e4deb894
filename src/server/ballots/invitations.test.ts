import { describe, expect, it } from "vitest";
import { invitationText } from "./invitations.js";

const SPOOF = "\u202Eevil";

describe("the invitation email", () => {
  it.each(["en", "fr"] as const)(
    "isolates the name and the title in %s, so that an override ends with them",
    (language) => {
      const { subject, text } = invitationText({
        to: "ann@example.org",
        name: SPOOF,
        workshopTitle: SPOOF,
        link: "http://concord.test/ballot/abc",
        language,
        closesAt: null,
      });
      const isolated = `\u2068${SPOOF}\u2069`;
      expect(subject.endsWith(isolated)).toBe(true);
      // Every override is closed by an isolate's end before any of the message's own words.
      for (const line of [subject, ...text.split("\n")]) {
        expect(line.replaceAll(isolated, "")).not.toContain("\u202E");
      }
      expect(text.split(isolated)).toHaveLength(3);
    },
  );
});
