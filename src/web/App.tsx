import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { BallotDashboardPage } from "./ballots/BallotDashboardPage.js";
import { VoterPage } from "./ballots/VoterPage.js";
import { CampaignPage } from "./campaign/CampaignPage.js";
import { ConsolePage } from "./console/ConsolePage.js";
import { HomePage } from "./home/HomePage.js";
import { ParticipantApp } from "./participant/ParticipantApp.js";
import { PresentPage } from "./present/PresentPage.js";
import { ReplayPage } from "./replay/ReplayPage.js";
import { ReportPage } from "./report/ReportPage.js";

/** Path patterns and the page each one opens; the server answers every non-API path with this app. */
const ROUTES: [RegExp, (params: string[]) => ReactNode][] = [
  [/^\/$/, () => <HomePage />],
  [/^\/w\/([^/]+)\/?$/, ([id = ""]) => <ConsolePage workshopId={id} />],
  [/^\/w\/([^/]+)\/present\/?$/, ([id = ""]) => <PresentPage workshopId={id} />],
  [/^\/w\/([^/]+)\/report\/?$/, ([id = ""]) => <ReportPage workshopId={id} />],
  [/^\/w\/([^/]+)\/replay\/?$/, ([id = ""]) => <ReplayPage workshopId={id} />],
  [/^\/w\/([^/]+)\/campaign\/?$/, ([id = ""]) => <CampaignPage workshopId={id} />],
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
    if (match) return render(match.slice(1).map(decodeURIComponent));
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
