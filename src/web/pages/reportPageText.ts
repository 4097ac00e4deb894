// The app's configured instance: importing it runs its init first, which is what adds `addResourceBundle`.
import i18next from "../i18n.js";

// The report page's strings, added to the app's i18next as a `reportPage` section. They live here
// rather than in locales/*.json so that this page can be built beside the live workshop UI
// without both editing the same files; moving them there later changes no key.
const en = {
  title: "Session capture report",
  download: "Download",
  formats: {
    pdf: "PDF",
    docx: "Word",
    html: "HTML",
    md: "Markdown",
    csv: "Cards (CSV)",
    json: "Workshop file (JSON)",
  },
  refresh: "Refresh preview",
  preview: "Report preview",
  publishTitle: "Public link",
  notPublished: "Not published. A published report can be read by anyone who has its link.",
  publish: "Publish",
  revoke: "Revoke link",
  copy: "Copy link",
  copied: "Copied",
  backToWorkshop: "Back to the workshop",
};

const fr: typeof en = {
  title: "Compte rendu de la séance",
  download: "Télécharger",
  formats: {
    pdf: "PDF",
    docx: "Word",
    html: "HTML",
    md: "Markdown",
    csv: "Cartes (CSV)",
    json: "Fichier de l’atelier (JSON)",
  },
  refresh: "Actualiser l’aperçu",
  preview: "Aperçu du compte rendu",
  publishTitle: "Lien public",
  notPublished: "Non publié. Un compte rendu publié peut être lu par toute personne qui a son lien.",
  publish: "Publier",
  revoke: "Révoquer le lien",
  copy: "Copier le lien",
  copied: "Copié",
  backToWorkshop: "Retour à l’atelier",
};

/** Adds the page's strings once; i18next merges them into the existing translations. */
export function registerReportPageText(): void {
  if (i18next.exists("reportPage.title")) return;
  i18next.addResourceBundle("en", "translation", { reportPage: en }, true, false);
  i18next.addResourceBundle("fr", "translation", { reportPage: fr }, true, false);
}
