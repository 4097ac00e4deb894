import type { Language } from "../../core/index.js";

/** Each language a workshop can run in, named in itself, as its readers look for it in a list. */
const OWN_NAMES: Record<Language, string> = { en: "English", fr: "Français" };

/** The `<option>`s of a language `<select>`, one per workshop language. */
export function LanguageOptions() {
  return (Object.entries(OWN_NAMES) as [Language, string][]).map(([language, name]) => (
    <option key={language} value={language} lang={language}>
      {name}
    </option>
  ));
}
