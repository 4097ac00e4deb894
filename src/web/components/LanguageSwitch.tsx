import { useTranslation } from "react-i18next";

/**
 * A one-tap switch to the other interface language (English ⇄ French), named in that language.
 * It changes this browser's interface only, never a workshop's language; i18next keeps the choice
 * (localStorage `concord.language`). `onSwitch` lets a page remember more: a participant's phone
 * notes that the person chose, so that the workshop's language no longer overrides them.
 */
export function LanguageSwitch({ className = "link", onSwitch }: { className?: string; onSwitch?: () => void }) {
  const { t, i18n } = useTranslation();
  const other = i18n.resolvedLanguage === "fr" ? "en" : "fr";
  const handleClick = () => {
    onSwitch?.();
    void i18n.changeLanguage(other);
  };
  return (
    <button type="button" className={className} lang={other} onClick={handleClick} data-testid="language-switch">
      {t("common.otherLanguage")}
    </button>
  );
}
