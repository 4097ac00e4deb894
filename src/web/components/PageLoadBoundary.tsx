import { Component, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * Around a page that is its own download: when the download fails (a phone on a venue's Wi-Fi
 * losing the network as it opens the link), the page says so and offers to try again, instead
 * of leaving the screen blank.
 */
export class PageLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

function PageFailed() {
  const { t } = useTranslation();
  return (
    <main className="page">
      <p role="alert">{t("common.pageFailed")}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t("common.tryAgain")}
      </button>
    </main>
  );
}
