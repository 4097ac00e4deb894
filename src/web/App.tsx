import { useTranslation } from "react-i18next";
import { HomePage } from "./pages/HomePage.js";
import { WorkshopPage } from "./pages/WorkshopPage.js";

/** Two routes for now; the server answers every non-API path with this app. */
export function App() {
  const { t } = useTranslation();
  const workshopMatch = /^\/w\/([^/]+)\/?$/.exec(window.location.pathname);
  if (workshopMatch?.[1]) return <WorkshopPage workshopId={decodeURIComponent(workshopMatch[1])} />;
  if (window.location.pathname === "/") return <HomePage />;
  return (
    <main className="page">
      <h1>{t("common.notFound")}</h1>
      <p>
        <a href="/">{t("common.back")}</a>
      </p>
    </main>
  );
}
