import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { ballotLinksCsv } from "./linksCsv.js";

const link = "http://concord.test/ballot/abc";
const cells = (csv: string) => Papa.parse<string[]>(csv.trim()).data[1] ?? [];

describe("the personal links as CSV", () => {
  it("puts a quote before a cell a spreadsheet would run, even when a line break follows the formula", () => {
    for (const start of ["=", "+", "-", "@"]) {
      const csv = ballotLinksCsv([
        { name: `${start}HYPERLINK("http://evil.test","Open")\nAnn`, email: "", group: `${start}1\n2`, link },
      ]);
      expect(cells(csv).slice(0, 3), start).toEqual([
        `'${start}HYPERLINK("http://evil.test","Open")\nAnn`,
        "",
        `'${start}1\n2`,
      ]);
    }
  });

  it("leaves everyone else's cells as they are", () => {
    const csv = ballotLinksCsv([{ name: "Roy, Jr", email: "roy@example.org", group: "Members", link }]);
    expect(csv).toBe(`name,email,group,link\r\n"Roy, Jr",roy@example.org,Members,${link}\r\n`);
  });
});
