import { useTranslation } from "react-i18next";
import { rememberLanguageChosen } from "./deviceMemory.js";

/** A one-tap switch to the other interface language (English ⇄ French), remembered on the device. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.resolvedLanguage === "fr" ? "en" : "fr";
  const handleClick = () => {
    rememberLanguageChosen();
    void i18n.changeLanguage(other);
  };
  return (
    <button type="button" className="join-link-button" lang={other} onClick={handleClick}>
      {t("join.otherLanguage")}
    </button>
  );
}
