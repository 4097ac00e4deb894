import i18next from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { initReactI18next } from "react-i18next";
import en from "./locales/en.json" with { type: "json" };
import fr from "./locales/fr.json" with { type: "json" };

/** The interface's languages. Every visible string goes through `t()` with a key in both files. */
export const LANGUAGES = ["en", "fr"] as const;

// Keep <html lang> true to the language shown, for screen readers and hyphenation. Registered
// before init: with the resources bundled, init picks the first language synchronously.
i18next.on("languageChanged", () => {
  document.documentElement.lang = i18next.resolvedLanguage ?? i18next.language;
});

void i18next
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    supportedLngs: LANGUAGES,
    fallbackLng: "en",
    // React escapes what it renders; escaping here too would show &amp; in the page.
    interpolation: { escapeValue: false },
    detection: {
      order: ["localStorage", "navigator"],
      caches: ["localStorage"],
      lookupLocalStorage: "concord.language",
    },
  });

export default i18next;
