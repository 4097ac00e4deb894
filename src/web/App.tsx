import { HomePage } from "./pages/HomePage.js";
import { WorkshopPage } from "./pages/WorkshopPage.js";

/** Two routes for now; the server answers every non-API path with this app. */
export function App() {
  const workshopMatch = /^\/w\/([^/]+)\/?$/.exec(window.location.pathname);
  if (workshopMatch?.[1]) return <WorkshopPage workshopId={decodeURIComponent(workshopMatch[1])} />;
  if (window.location.pathname === "/") return <HomePage />;
  return (
    <main className="page">
      <h1>Page not found</h1>
      <p>
        <a href="/">Back to your workshops</a>
      </p>
    </main>
  );
}
