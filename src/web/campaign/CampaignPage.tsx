import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CampaignSummary } from "../../core/index.js";
import { campaignSummary } from "../api.js";
import { requestProblem } from "../problems.js";
import { CampaignStepItem } from "./CampaignStepItem.js";
import "../ballots/ballots.css";
import "./campaign.css";

/**
 * `/w/:id/campaign`: the campaign this workshop belongs to, for its facilitators — each workshop
 * in order, how it started from the one before, its themes and its ballots' results.
 */
export function CampaignPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState<CampaignSummary>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    campaignSummary(workshopId).then(setSummary, (error: unknown) => setProblem(requestProblem(t, error)));
  }, [workshopId, t]);

  return (
    <main className="page campaign-summary" data-testid="campaign-summary">
      <p>
        <a href={`/w/${encodeURIComponent(workshopId)}`}>{t("campaign.summary.back")}</a>
      </p>
      <h1>{t("campaign.summary.title")}</h1>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {summary && (
        <>
          <p>{t("campaign.summary.count", { count: summary.steps.length })}</p>
          <ol className="campaign-steps">
            {summary.steps.map((step) => (
              <CampaignStepItem key={step.workshopId} step={step} current={step.workshopId === summary.workshopId} />
            ))}
          </ol>
        </>
      )}
    </main>
  );
}
