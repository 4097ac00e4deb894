import { describe, expect, it } from "vitest";
import { analyse, detectLanguage, expandShorthand, fold, tokenize } from "./text.js";

describe("card text analysis", () => {
  it("folds case and accents so French words compare with or without them", () => {
    expect(fold("Élèves À l'ÉCOLE")).toBe("eleves a l'ecole");
  });

  it("expands sticky-note shorthand and drops bare numbers", () => {
    expect(tokenize("Help w/ 2 hrs for ppl")).toEqual(["help", "with", "hours", "for", "people"]);
  });

  it("tells French cards from English ones, and falls back to the workshop language", () => {
    expect(detectLanguage(tokenize("Plus d'heures le dimanche"), "en")).toBe("fr");
    expect(detectLanguage(tokenize("More hours on the weekend"), "fr")).toBe("en");
    expect(detectLanguage(tokenize("Parking"), "fr")).toBe("fr");
  });

  it("stems each card in its own language and drops stop words", () => {
    expect(analyse("Les réunions des parents", "en").stems).toEqual(["reunion", "parent"]);
    expect(analyse("The nurses discharged patients", "fr").stems).toEqual(["nurs", "discharg", "patient"]);
  });

  it("glosses French cards in English so they meet English ones, and reads English cards in a French workshop", () => {
    const french = analyse("Basketball le soir pour les ados", "fr");
    const english = analyse("Evening basketball for teens", "fr");
    expect(french.language).toBe("fr");
    expect(french.gloss).toBe("basketball evening teens");
    expect(english.language).toBe("en");
    expect(french.concepts.filter((term) => english.concepts.includes(term)).length).toBeGreaterThanOrEqual(2);
    expect(analyse("Gym floor needs repair", "fr").language).toBe("en");
  });

  it("writes shorthand out for the model and the word signals", () => {
    expect(expandShorthand("Help w/ 2 hrs for ppl")).toBe("Help with 2 hours for people");
    expect(analyse("nurse led d/c for pts", "en").words).toEqual(["nurse", "led", "discharge", "patients"]);
  });

  it("survives hostile text: markup, control characters, emoji only, a pasted essay", () => {
    expect(analyse("<script>alert(1)</script>", "en").words).toEqual(["script", "alert", "script"]);
    expect(analyse("\u0000\u200b🎉🎉", "en").words).toEqual([]);
    expect(analyse("word ".repeat(5000), "en").words.length).toBeLessThanOrEqual(120);
  });
});
