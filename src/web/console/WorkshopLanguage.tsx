import { useTranslation } from "react-i18next";
import type { Command, Language } from "../../core/index.js";
import { LanguageOptions } from "../components/LanguageOptions.js";

/**
 * The workshop's language: the console and the projector switch to it at once, and phones
 * follow it unless their person picked a language of their own. Each language is named in
 * itself, so that it can be found by someone who does not read the current one.
 */
export function WorkshopLanguage({ language, send }: { language: Language; send: (command: Command) => void }) {
  const { t } = useTranslation();
  return (
    <label className="console-language">
      {t("console.language")}
      <select
        value={language}
        data-testid="workshop-language"
        onChange={(event) => send({ type: "updateContext", patch: { language: event.target.value as Language } })}
      >
        <LanguageOptions />
      </select>
    </label>
  );
}
