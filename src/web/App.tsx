import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { PageLoadBoundary } from "./components/PageLoadBoundary.js";

// Each page is its own download: a phone joining on the venue's Wi-Fi fetches the participant
// app, not the console, the projector, the report or the replay.
const HomePage = lazy(() => import("./home/HomePage.js").then((module) => ({ default: module.HomePage })));
const ConsolePage = lazy(() => import("./console/ConsolePage.js").then((module) => ({ default: module.ConsolePage })));
const PresentPage = lazy(() => import("./present/PresentPage.js").then((module) => ({ default: module.PresentPage })));
const ReportPage = lazy(() => import("./report/ReportPage.js").then((module) => ({ default: module.ReportPage })));
const ReplayPage = lazy(() => import("./replay/ReplayPage.js").then((module) => ({ default: module.ReplayPage })));
const ParticipantApp = lazy(() =>
  import("./participant/ParticipantApp.js").then((module) => ({ default: module.ParticipantApp })),
);
const VoterPage = lazy(() => import("./ballots/VoterPage.js").then((module) => ({ default: module.VoterPage })));
const BallotDashboardPage = lazy(() =>
  import("./ballots/BallotDashboardPage.js").then((module) => ({ default: module.BallotDashboardPage })),
);

/** Path patterns and the page each one opens; the server answers every non-API path with this app. */
const ROUTES: [RegExp, (params: string[]) => ReactNode][] = [
  [/^\/$/, () => <HomePage />],
  [/^\/w\/([^/]+)\/?$/, ([id = ""]) => <ConsolePage workshopId={id} />],
  [/^\/w\/([^/]+)\/present\/?$/, ([id = ""]) => <PresentPage workshopId={id} />],
  [/^\/w\/([^/]+)\/report\/?$/, ([id = ""]) => <ReportPage workshopId={id} />],
  [/^\/w\/([^/]+)\/replay\/?$/, ([id = ""]) => <ReplayPage workshopId={id} />],
  [
    /^\/w\/([^/]+)\/ballots\/([^/]+)\/?$/,
    ([id = "", ballotId = ""]) => <BallotDashboardPage workshopId={id} ballotId={ballotId} />,
  ],
  // A voter's links: personal (`/ballot/:token`) or the one shared with everyone.
  [/^\/ballot\/share\/([^/]+)\/?$/, ([token = ""]) => <VoterPage kind="share" token={token} />],
  [/^\/ballot\/([^/]+)\/?$/, ([token = ""]) => <VoterPage kind="personal" token={token} />],
  // `/join` and `/join/:code`: the participant app moves between the two itself.
  [/^\/join(?:\/[^/]+)?\/?$/, () => <ParticipantApp />],
];

export function App() {
  const { t } = useTranslation();
  for (const [pattern, render] of ROUTES) {
    const match = pattern.exec(window.location.pathname);
    if (match) {
      return (
        <PageLoadBoundary>
          <Suspense fallback={null}>{render(match.slice(1).map(decodeURIComponent))}</Suspense>
        </PageLoadBoundary>
      );
    }
  }
  return (
    <main className="page">
      <h1>{t("common.notFound")}</h1>
      <p>
        <a href="/">{t("common.back")}</a>
      </p>
    </main>
  );
}
