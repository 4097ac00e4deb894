import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command, WorkshopState } from "../../core/index.js";
import { UserMessage } from "../components/UserMessage.js";
import { useColumnLabel } from "../naming/useColumnLabel.js";
import { showOfHandsLabel } from "./tally.js";

/**
 * Votes of people without a device: the facilitator counts hands per theme and records them under
 * a label ("Show of hands, back tables"). Recorded again under the same label, counts replace.
 */
export function ShowOfHands({ state, send }: { state: WorkshopState; send: (command: Command) => void }) {
  const { t } = useTranslation();
  const labelId = useId();
  const { label } = useColumnLabel(state);
  const [voterLabel, setVoterLabel] = useState(() => t("voting.handsDefault"));
  const [counts, setCounts] = useState<Record<string, string>>({});
  const recorded = state.votes.filter((vote) => vote.proxy);
  const labels = [...new Set(recorded.map(showOfHandsLabel))];

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const name = voterLabel.trim();
    if (!name) return;
    for (const theme of state.themes) {
      const raw = counts[theme.id];
      if (raw === undefined || raw === "") continue;
      const count = Number(raw);
      if (Number.isInteger(count) && count >= 0)
        send({ type: "recordVotes", voterLabel: name, themeId: theme.id, count });
    }
    setCounts({});
  };

  return (
    <form className="panel stack show-of-hands" aria-labelledby={`${labelId}-heading`} onSubmit={handleSubmit}>
      <h2 id={`${labelId}-heading`}>{t("voting.handsHeading")}</h2>
      <p className="muted">{t("voting.handsHint")}</p>
      <label>
        {t("voting.handsLabel")}
        <input value={voterLabel} maxLength={120} onChange={(event) => setVoterLabel(event.target.value)} />
      </label>
      {state.themes.map((theme) => (
        <label key={theme.id} className="hands-row">
          <span className="grow" dir="auto">
            {label(theme)}
          </span>
          <input
            type="number"
            min={0}
            max={10000}
            inputMode="numeric"
            className="hands-count"
            data-testid={`hands-${theme.id}`}
            value={counts[theme.id] ?? ""}
            onChange={(event) => setCounts({ ...counts, [theme.id]: event.target.value })}
          />
        </label>
      ))}
      <button type="submit" data-testid="record-hands">
        {t("voting.record")}
      </button>
      {labels.length > 0 && (
        <ul className="hands-recorded" aria-label={t("voting.recorded")}>
          {labels.map((name) => (
            <li key={name}>
              <UserMessage
                id="voting.recordedLine"
                values={{ label: name }}
                options={{
                  count: recorded
                    .filter((vote) => showOfHandsLabel(vote) === name)
                    .reduce((sum, vote) => sum + vote.count, 0),
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
