import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { DEFAULT_QUOTAS, PHASES, REFUSAL_REASONS, SYMBOL_COUNT, type WorkshopContext } from "../core/index.js";
import reportEn from "../report/locales/en.json" with { type: "json" };
import reportFr from "../report/locales/fr.json" with { type: "json" };
import { EVENT_TYPES } from "./history/eventLabels.js";
import { type ConnectionStatus, FATAL_REASONS } from "./live/liveClient.js";
import en from "./locales/en.json" with { type: "json" };
import fr from "./locales/fr.json" with { type: "json" };

const SRC = fileURLToPath(new URL("..", import.meta.url));

/** The suffix i18next adds to a key for the plural form of `count`. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

const CONNECTION: Record<ConnectionStatus, true> = { connecting: true, live: true, offline: true, closed: true };
/** The context fields the context editor labels (`console.context.${name}`). */
const CONTEXT_FIELDS: (keyof WorkshopContext)[] = [
  ...(["title", "organization", "event", "preparedFor", "preparedBy", "heldOn", "reportDate"] as const),
  ...(["focusQuestion", "goal", "rationalAim", "experientialAim", "overview", "method"] as const),
];

/**
 * Keys built from a template literal, as written in the code (`t(\`phase.${phase}\`)`), and the
 * values the expression takes, from the domain's own lists where there is one. A new template
 * fails the test until it is listed here, so that each of its keys is checked too.
 */
const TEMPLATES: Record<string, readonly (string | number)[]> = {
  "phase.${phase}": PHASES,
  "phase.${state.phase}": PHASES,
  "phase.${step.phase}": PHASES,
  "participant.stage.${phase}": PHASES.filter((phase) => phase !== "brainstorm"),
  "board.announce.card.${key}": ["start", "over", "end"],
  "board.announce.column.${key}": ["start", "over", "end"],
  "board.symbols.${symbol % SYMBOL_COUNT}": Array.from({ length: SYMBOL_COUNT }, (_, index) => index),
  "history.event.${type}": EVENT_TYPES,
  "participant.cardStatus.${status}": ["waiting", "candidate", "submitted", "onBoard"],
  "participant.status.${status}": Object.keys(CONNECTION),
  "status.${live.status}": Object.keys(CONNECTION),
  "naming.advice.${advice}": ["short", "long"],
  "replay.by_${value}": ["event", "time"],
  "campaign.start.${option}": ["cards", "columns"],
  "reportPage.formats.${format}": ["pdf", "docx", "html", "md", "csv", "json"],
  "console.settings.mode_${mode}": ["open", "rounds"],
  "console.settings.${key}": Object.keys(DEFAULT_QUOTAS),
  "console.context.${name}": CONTEXT_FIELDS,
  "refusals.${reason}": REFUSAL_REASONS,
  "fatal.${live.fatal}": FATAL_REASONS,
  "instructions.${phase}": PHASES.filter((phase) => phase !== "prioritize"),
};

type Messages = { [key: string]: string | Messages };

/** `{ a: { b: "x" } }` → `{ "a.b": "x" }` */
function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === "string") flat.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) flat.set(inner, text);
  }
  return flat;
}

/** Source files of a folder, tests left out. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

interface KeyUse {
  key: string;
  file: string;
}

/**
 * The keys the web app's code uses: `t("a.b")` and `t('a.b')`, `i18nKey="a.b"`, any string
 * literal shaped like a key of a known section (`t(done ? "a.done" : "a.todo")`, key tables),
 * and template keys expanded with TEMPLATES. Unknown templates come back in `unknownTemplates`.
 */
function keysUsed(files: string[], sections: Set<string>): { uses: KeyUse[]; unknownTemplates: string[] } {
  const uses: KeyUse[] = [];
  const unknownTemplates: string[] = [];
  for (const path of files) {
    const code = readFileSync(path, "utf8");
    const file = relative(SRC, path);
    for (const match of code.matchAll(/\bt\(\s*(["'])([^"'\n]+)\1/g)) uses.push({ key: match[2] ?? "", file });
    for (const match of code.matchAll(/i18nKey=\{?\s*(["'])([^"'\n]+)\1/g)) uses.push({ key: match[2] ?? "", file });
    for (const match of code.matchAll(/(["'])([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)\1/g)) {
      const key = match[2] ?? "";
      if (sections.has(key.split(".")[0] ?? "")) uses.push({ key, file });
    }
    for (const match of code.matchAll(/\bt\(\s*`([^`]*)`/g)) {
      const template = (match[1] ?? "").replace(/\s+/g, " ");
      if (!template.includes("${")) {
        uses.push({ key: template, file });
        continue;
      }
      const values = TEMPLATES[template];
      if (!values) {
        unknownTemplates.push(`${file}: t(\`${template}\`)`);
        continue;
      }
      for (const value of values) uses.push({ key: template.replace(/\$\{[^}]*\}/, String(value)), file });
    }
  }
  return { uses, unknownTemplates };
}

/**
 * Whether `key` resolves: as itself, or as the plural forms i18next looks up for `count`. English
 * and French both need `_one` and `_other` (French's `_many` is for counts in the millions).
 */
function translates(messages: Map<string, string>, key: string): boolean {
  return messages.has(key) || ["_one", "_other"].every((suffix) => messages.has(key + suffix));
}

/** The `{{name}}` placeholders of a message, sorted. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

/** Keys without their plural suffix, so that `x_one` and `x_other` compare as `x`. */
const withoutPlural = (key: string) => key.replace(PLURAL_SUFFIX, "");

function describeLocales(name: string, english: Map<string, string>, french: Map<string, string>) {
  it(`${name}: English and French have the same keys`, () => {
    const onlyEnglish = [...english.keys()].filter((key) => !french.has(key));
    const onlyFrench = [...french.keys()].filter((key) => !english.has(key));
    expect({ onlyEnglish, onlyFrench }).toEqual({ onlyEnglish: [], onlyFrench: [] });
  });

  it(`${name}: a French message has the placeholders of its English one`, () => {
    const differ = [...english].flatMap(([key, text]) => {
      const other = french.get(key);
      // A plural form may leave the count out ("one card", "une carte").
      const expected = placeholders(text).filter((value) => !(key.endsWith("_one") && value === "count"));
      const found = other === undefined ? [] : placeholders(other).filter((value) => expected.includes(value ?? ""));
      return other !== undefined && expected.join() !== found.join() ? [`${key}: ${expected} ≠ ${found}`] : [];
    });
    expect(differ).toEqual([]);
  });
}

describe("every key the code uses has an English and a French translation", () => {
  const english = flatten(en as Messages);
  const french = flatten(fr as Messages);
  const sections = new Set(Object.keys(en));
  const web = keysUsed(sources(join(SRC, "web")), sections);

  it("finds the keys of the web app, template keys included", () => {
    // A guard against a scanner that silently finds nothing.
    expect(web.uses.length).toBeGreaterThan(300);
    expect(web.uses.map((use) => use.key)).toContain("phase.prioritize");
    expect(web.uses.map((use) => use.key)).toContain("history.event.cardMoved");
  });

  it("knows the values of every key built from a template literal", () => {
    expect(web.unknownTemplates, "add these templates and their values to TEMPLATES").toEqual([]);
  });

  for (const language of ["en", "fr"] as const) {
    it(`web app: every key used has ${language === "en" ? "an English" : "a French"} message`, () => {
      const messages = language === "en" ? english : french;
      const missing = web.uses.filter((use) => !translates(messages, use.key)).map((use) => `${use.file}: ${use.key}`);
      expect([...new Set(missing)]).toEqual([]);
    });
  }

  describeLocales("web app", english, french);

  const reportEnglish = flatten(reportEn as Messages);
  const reportFrench = flatten(reportFr as Messages);
  it("report: every label the renderers use has an English and a French message", () => {
    const used = new Set<string>();
    for (const path of sources(join(SRC, "report"))) {
      const code = readFileSync(path, "utf8");
      for (const match of code.matchAll(/\btranslate\([^,]+,\s*"([^"]+)"/g)) used.add(match[1] ?? "");
      for (const match of code.matchAll(/\blabels\.(\w+)/g)) used.add(match[1] ?? "");
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].flatMap((key) => [
      ...(reportEnglish.has(key) ? [] : [`en: ${key}`]),
      ...(reportFrench.has(key) ? [] : [`fr: ${key}`]),
    ]);
    expect(missing).toEqual([]);
  });

  describeLocales("report", reportEnglish, reportFrench);

  it("a message that takes a {{count}} has plural forms, so that one thing is not said in the plural", () => {
    const unpluralized = [...english, ...french]
      .filter(([key, text]) => key === withoutPlural(key) && placeholders(text).includes("count"))
      .map(([key]) => key);
    expect([...new Set(unpluralized)]).toEqual([]);
  });

  it("plural keys come in their English and French forms (_one and _other)", () => {
    const plurals = new Set([...english.keys(), ...french.keys()].filter((key) => key !== withoutPlural(key)));
    const incomplete = [...plurals].flatMap((key) => {
      const base = withoutPlural(key);
      return (["en", "fr"] as const).flatMap((language) =>
        translates(language === "en" ? english : french, base) ? [] : [`${language}: ${base}`],
      );
    });
    expect([...new Set(incomplete)]).toEqual([]);
  });
});

describe("counts read right in the singular and the plural", () => {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    fallbackLng: "en",
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const say = (language: "en" | "fr") => i18n.getFixedT(language);

  /** The voting summary and progress as ResultsChart and VotingPanel build them. */
  const summary = (language: "en" | "fr", dots: number, voters: number) =>
    say(language)("voting.summary", { count: voters, dots: say(language)("voting.dots", { count: dots }) });
  const progress = (language: "en" | "fr", voters: number, people: number, dots: number) =>
    say(language)("voting.progress", {
      count: people,
      voters,
      dots: say(language)("voting.dotsPlaced", { count: dots }),
    });

  it("voting summary", () => {
    expect(summary("en", 1, 1)).toBe("1 dot · 1 voter");
    expect(summary("en", 5, 2)).toBe("5 dots · 2 voters");
    expect(summary("fr", 1, 1)).toBe("1 point · 1 votant");
    expect(summary("fr", 5, 2)).toBe("5 points · 2 votants");
  });

  it("voting progress", () => {
    expect(progress("en", 1, 1, 1)).toBe("1 of 1 participant voted · 1 dot placed");
    expect(progress("en", 2, 3, 6)).toBe("2 of 3 participants voted · 6 dots placed");
    expect(progress("fr", 1, 1, 1)).toBe("Ont voté\u00a0: 1 sur 1 participant · 1 point placé");
    expect(progress("fr", 2, 3, 6)).toBe("Ont voté\u00a0: 2 sur 3 participants · 6 points placés");
  });

  it("tables ready, columns named, characters left", () => {
    expect(say("en")("present.tablesReady", { ready: 1, count: 1 })).toBe("1 of 1 table ready");
    expect(say("en")("console.rounds.tablesReady", { ready: 1, count: 2 })).toBe("1 of 2 tables ready");
    expect(say("fr")("naming.progress", { count: 1, total: 3 })).toBe("1 sur 3 nommée");
    expect(say("en")("composer.remaining", { count: 1 })).toBe("1 character left");
    expect(say("fr")("composer.remaining", { count: 1 })).toBe("1 caractère restant");
  });
});
