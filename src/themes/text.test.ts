import { describe, expect, it } from "vitest";
import { analyse, detectLanguage, fold, tokenize } from "./text.js";

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

  it("survives hostile text: markup, control characters, emoji only, a pasted essay", () => {
    expect(analyse("<script>alert(1)</script>", "en").words).toEqual(["script", "alert", "script"]);
    expect(analyse("\u0000\u200b🎉🎉", "en").words).toEqual([]);
    expect(analyse("word ".repeat(5000), "en").words.length).toBeLessThanOrEqual(120);
  });
});
