import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../core/index.js";

/**
 * Shows the interface in the workshop's language while mounted: the facilitator chooses it in
 * the console, and the console and the projector follow (the projector may be another machine,
 * so the choice travels with the workshop, not in this browser's storage). `undefined` leaves
 * the language alone, for a participant who picked their own.
 */
export function useWorkshopLanguage(language: Language | undefined): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (language && i18n.resolvedLanguage !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);
}
