import { useTranslation } from "react-i18next";
import type { Command, WorkshopState } from "../../core/index.js";
import { UserMessage } from "../components/UserMessage.js";

/** Who may co-write headlines and narratives from their own device: a toggle per participant. */
export function WritersPanel({ state, send }: { state: WorkshopState; send: (command: Command) => void }) {
  const { t } = useTranslation();
  const people = Object.values(state.participants).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section className="panel writers" aria-labelledby="writers-heading" data-testid="writers-panel">
      <h2 id="writers-heading">{t("resolve.writers")}</h2>
      <p className="muted">{t("resolve.writersHint")}</p>
      {people.length === 0 ? (
        <p className="muted">{t("resolve.nobodyJoined")}</p>
      ) : (
        <ul className="writers-list">
          {people.map((person) => (
            <li key={person.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={person.writer === true}
                  onChange={(event) =>
                    send({ type: "setWriter", participantId: person.id, writer: event.target.checked })
                  }
                />
                <UserMessage id="resolve.mayWrite" values={{ name: person.name || t("resolve.someone") }} />
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
