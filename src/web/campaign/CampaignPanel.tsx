import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CampaignLink, FollowUpStart, WorkshopState } from "../../core/index.js";
import { startFollowUp } from "../api.js";
import { rememberFacilitatorKey } from "../live/identity.js";
import { requestProblem } from "../problems.js";

/**
 * Where the workshop sits in its campaign — the workshop it started from and those started from
 * it, each a link — and the start of the next one from this one's themes, as cards for the room
 * to cluster again or as its starting columns.
 */
export function CampaignPanel({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState("");
  const [start, setStart] = useState<FollowUpStart>("cards");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const { previous, next = [] } = state.campaign ?? {};
  const named = state.themes.filter((theme) => theme.name.trim() || theme.headline.trim()).length;

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const created = await startFollowUp(state.id, { title, start });
      rememberFacilitatorKey(created.id, created.facilitatorKey);
      window.location.assign(`/w/${encodeURIComponent(created.id)}`);
    } catch (error) {
      setProblem(requestProblem(t, error));
      setBusy(false);
    }
  };

  return (
    <section className="panel settings" aria-labelledby="campaign-heading" data-testid="campaign-panel">
      <h2 id="campaign-heading">{t("campaign.heading")}</h2>
      {previous && (
        <p>
          {t("campaign.startedFrom")} <WorkshopLink link={previous} />
        </p>
      )}
      {next.length > 0 && (
        <>
          <p>{t("campaign.followedBy", { count: next.length })}</p>
          <ul>
            {next.map((link) => (
              <li key={link.workshopId}>
                <WorkshopLink link={link} />
              </li>
            ))}
          </ul>
        </>
      )}
      {state.campaign && (
        <p>
          <a href={`/w/${encodeURIComponent(state.id)}/campaign`} data-testid="campaign-summary-link">
            {t("campaign.summaryLink")}
          </a>
        </p>
      )}
      <form onSubmit={(event) => void handleSubmit(event)}>
        <label>
          {t("campaign.nextTitle")}
          <input
            value={title}
            maxLength={500}
            required
            onChange={(event) => setTitle(event.target.value)}
            data-testid="follow-up-title"
          />
        </label>
        {named > 0 && (
          <fieldset>
            <legend>{t("campaign.startWith", { count: named })}</legend>
            {(["cards", "columns"] as const).map((option) => (
              <label key={option} className="check">
                <input
                  type="radio"
                  name="follow-up-start"
                  value={option}
                  checked={start === option}
                  onChange={() => setStart(option)}
                />
                {t(`campaign.start.${option}`)}
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" disabled={busy || title.trim() === ""} data-testid="start-follow-up">
          {t("campaign.startNext")}
        </button>
      </form>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </section>
  );
}

/** Another workshop of the campaign, opened in the console (the account that made it has it). */
function WorkshopLink({ link }: { link: CampaignLink }) {
  return (
    <a href={`/w/${encodeURIComponent(link.workshopId)}`} dir="auto">
      {link.title}
    </a>
  );
}
