import i18next, { type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { REFUSAL_CODES, REFUSAL_REASONS } from "../../core/index.js";
import en from "../locales/en.json" with { type: "json" };
import fr from "../locales/fr.json" with { type: "json" };
import { refusalText } from "./refusals.js";

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: "en",
  fallbackLng: "en",
  interpolation: { escapeValue: false },
});
const translators: Record<"en" | "fr", TFunction> = { en: i18n.getFixedT("en"), fr: i18n.getFixedT("fr") };

type Messages = { [key: string]: string | Messages };
const refusals = { en: (en as { refusals: Messages }).refusals, fr: (fr as { refusals: Messages }).refusals };

describe("refusals in the reader's language", () => {
  it("lists every reason the core can give, each with its code", () => {
    expect(REFUSAL_REASONS.length).toBeGreaterThan(40);
    expect(new Set(REFUSAL_REASONS).size).toBe(REFUSAL_REASONS.length);
    expect(Object.keys(REFUSAL_CODES).sort()).toEqual([...REFUSAL_REASONS].sort());
  });

  for (const language of ["en", "fr"] as const) {
    it(`every reason has ${language === "en" ? "an English" : "a French"} message (its plural forms for a \`max\`)`, () => {
      const messages = refusals[language];
      const missing = REFUSAL_REASONS.filter(
        (reason) =>
          typeof messages[reason] !== "string" &&
          !(typeof messages[`${reason}_one`] === "string" && typeof messages[`${reason}_other`] === "string"),
      );
      expect(missing).toEqual([]);
      // No message for a reason the core no longer has.
      const known = new Set<string>(REFUSAL_REASONS);
      expect(Object.keys(messages).filter((key) => !known.has(key.replace(/_(one|other)$/, "")))).toEqual([]);
    });

    it(`every reason reads as a sentence in ${language}, whatever its params (no {{…}} left)`, () => {
      const params = { max: 3, phase: "cluster", cause: "themeNotFound", themeId: "t1", mark: "1", cardId: "c1" };
      for (const reason of REFUSAL_REASONS) {
        const text = refusalText(translators[language], { message: "English", reason, params });
        expect(text, reason).not.toMatch(/\{\{|\}\}|^refusals\./);
        expect(text, reason).not.toBe("English");
      }
    });
  }

  it("fills in the limit, with the plural form it calls for", () => {
    const tooLong = {
      message: "A card holds at most 280 characters",
      reason: "cardTooLong" as const,
      params: { max: 280 },
    };
    expect(refusalText(translators.fr, tooLong)).toBe("Une carte ne peut pas dépasser 280 caractères.");
    expect(refusalText(translators.en, tooLong)).toBe("A card holds at most 280 characters.");
    const oneDot = {
      message: "At most 1 votes on one theme",
      reason: "tooManyVotesOnTheme" as const,
      params: { max: 1 },
    };
    expect(refusalText(translators.fr, oneDot)).toBe("Au plus 1 point sur un même thème.");
    expect(refusalText(translators.en, oneDot)).toBe("At most 1 dot on one theme.");
    // Large numbers are written the reader's way.
    const full = { message: "…", reason: "workshopFull" as const, params: { max: 20_000 } };
    expect(refusalText(translators.en, full)).toBe("This workshop has reached its limit of 20,000 cards.");
    expect(refusalText(translators.fr, full)).toMatch(/^Cet atelier a atteint sa limite de 20\s000 cartes\.$/u);
  });

  it("names a phase in the reader's language, and says an undo's cause as its own sentence", () => {
    const forbidden = {
      message: "A participant may not addCard in the cluster phase",
      reason: "notAllowed" as const,
      params: { role: "participant", command: "addCard", phase: "cluster" },
    };
    expect(refusalText(translators.fr, forbidden)).toBe(
      "Vous ne pouvez pas faire cela à l’étape «\u00a0Regroupement\u00a0».",
    );
    const stale = {
      message: "The board has changed since; this step cannot be undone (Theme t1 does not exist)",
      reason: "undoStale" as const,
      params: { cause: "themeNotFound", themeId: "t1" },
    };
    expect(refusalText(translators.fr, stale)).toBe(
      "Cette étape ne peut plus être annulée\u00a0: le tableau a changé depuis. Ce thème n’existe plus.",
    );
    expect(refusalText(translators.en, stale)).toBe(
      "This step cannot be undone any more: the board has changed since. This theme no longer exists.",
    );
  });

  it("falls back to the server's message for a reason it does not know, or none (an older server)", () => {
    expect(refusalText(translators.fr, { message: "Something new", reason: "fromTheFuture" as never })).toBe(
      "Something new",
    );
    expect(refusalText(translators.fr, { message: "No reason given" })).toBe("No reason given");
  });
});
