import { writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ballotCalls, ownBallot, votePath } from "../support/ballots.js";
import { cliEnv, runIn } from "../support/cli.js";
import { withFixtureServer } from "../support/fixtureServer.js";
import {
  type CreatedWorkshop,
  makeTempDir,
  REPO_FIXTURE,
  readJson,
  removeDir,
  requestJson,
} from "../support/server.js";

// Ballots in the session capture report: the server's, and `concord report --ballots` of the same votes.

const fixture = withFixtureServer();
const { call } = ballotCalls(fixture);

/** A facilitator's GET of a workshop's route, as JSON. */
const asFacilitatorOf = async (who: CreatedWorkshop, path: string) =>
  (await requestJson<unknown>(fixture.server.baseUrl, "GET", path, undefined, who)).body;

describe("ballots: the session capture report", () => {
  it("shows the latest ballot's method, turnout, ranked themes and groups in its Prioritization section", async () => {
    const { own, added } = await ownBallot(
      fixture.server,
      "borda",
      `name,email,group\n${["A", "B", "C", "D"].map((name) => `${name},,Members`).join("\n")}\nE,,Staff\n`,
    );
    const [first, second] = fixture.themeIds as [string, string];
    for (const invitee of added.body.invitees.slice(0, 3)) {
      await call("PUT", votePath(invitee), { vote: { ranking: [second, first] } });
    }
    const markdown = await fetch(`${fixture.server.baseUrl}/api/workshops/${own.id}/report?format=md`, {
      headers: { "x-facilitator-key": own.facilitatorKey },
    });
    // The fixture is in French, so the report is; no-break spaces as French typography wants them.
    const text = (await markdown.text()).replace(/[\u00a0\u202f]/g, " ");
    expect(text).toContain("## Résultats de la priorisation : vote");
    expect(text).toContain(
      "Méthode : classement, compté par points Borda · Participation : 3 sur 5 personnes invitées (60 %)",
    );
    const names = (readJson(REPO_FIXTURE) as { themes: { name: string }[] }).themes.map((theme) => theme.name);
    // Borda with 4 themes: first place 3 points, second 2, for each of the 3 ballots.
    expect(text).toContain(`| 1 | ${names[1]} | 9 |`);
    expect(text).toContain(`| 2 | ${names[0]} | 6 |`);
    expect(text).toContain("#### Members");
    const html = await fetch(`${fixture.server.baseUrl}/api/workshops/${own.id}/report?format=html`, {
      headers: { "x-facilitator-key": own.facilitatorKey },
    });
    const file = async (format: string) => {
      const response = await fetch(`${fixture.server.baseUrl}/api/workshops/${own.id}/report?format=${format}`, {
        headers: { "x-facilitator-key": own.facilitatorKey },
      });
      expect(response.status, format).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    };
    const docx = await JSZip.loadAsync(await file("docx"));
    const body = (await docx.file("word/document.xml")?.async("string")) ?? "";
    expect(body.replace(/[\u00a0\u202f]/g, " ")).toContain("Résultats de la priorisation : vote");
    expect(body).toContain(names[1]);
    expect((await file("pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await html.text()).replace(/[\u00a0\u202f]/g, " ")).toContain("Résultats de la priorisation : vote");
  });

  it("`concord report --ballots` of the same votes gives the same Prioritization section as the server's report, but for the turnout", async () => {
    const groups = ["Members", "Members", "Members", "Members", "Staff", "Retirees", "Retirees"];
    const { own, opened, added } = await ownBallot(
      fixture.server,
      "irv",
      ["name,email,group", ...groups.map((group, n) => `V${n},,${group}`)].join("\n"),
    );
    const [a, b, c, d] = fixture.themeIds as [string, string, string, string];
    const rankings = [[a, b], [b, a, c], [a], [c, b], [d, c], [b], [d, a]];
    const ballots = added.body.invitees.map((invitee, n) => ({
      voter: `voter-${n}`,
      group: invitee.group,
      ranking: rankings[n] ?? [],
    }));
    for (const [n, invitee] of added.body.invitees.entries()) {
      expect((await call("PUT", votePath(invitee), { vote: { ranking: rankings[n] } })).status).toBe(200);
    }
    const section = (markdown: string) => {
      const text = markdown.replace(/[\u00a0\u202f]/g, " ");
      return text.slice(text.indexOf("## Résultats de la priorisation : vote")).split("\n");
    };
    const served = await fetch(`${fixture.server.baseUrl}/api/workshops/${own.id}/report?format=md`, {
      headers: { "x-facilitator-key": own.facilitatorKey },
    });
    const fromServer = section(await served.text());

    const dir = makeTempDir();
    try {
      const workshopFile = join(dir, "workshop.json");
      const exported = await asFacilitatorOf(own, `/api/workshops/${own.id}/export`);
      writeFileSync(workshopFile, JSON.stringify(exported));
      const ballotsFile = join(dir, "ballots.json");
      const options = opened.body.options;
      writeFileSync(ballotsFile, JSON.stringify({ format: "ballots/v1", method: "irv", options, ballots }));
      const run = await runIn(cliEnv({}), process.execPath, [
        "bin/concord.js",
        "report",
        workshopFile,
        "--ballots",
        ballotsFile,
        "--format",
        "md",
      ]);
      expect(run.code, run.stderr).toBe(0);
      const fromCli = section(run.stdout);
      const turnout = (lines: string[]) => lines.find((line) => line.startsWith("Méthode"));
      expect(turnout(fromServer)).toBe(
        "Méthode : classement, compté par vote alternatif · Participation : 7 sur 7 personnes invitées (100 %)",
      );
      expect(turnout(fromCli)).toBe("Méthode : classement, compté par vote alternatif · Votes : 7");
      expect(fromCli.filter((line) => line !== turnout(fromCli))).toEqual(
        fromServer.filter((line) => line !== turnout(fromServer)),
      );
      expect(fromCli.join("\n")).toContain("#### Members");
      expect(fromCli.join("\n")).not.toMatch(/Staff|Retirees/);
    } finally {
      removeDir(dir);
    }
  });
});
