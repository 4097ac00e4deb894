import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Command, privacySettings, type WorkshopState } from "../../core/index.js";

/** How the room runs: card names, who may move cards, card length, rounds and tables, what results show. */
export function SettingsPanel({ state, send }: { state: WorkshopState; send: (command: Command) => void }) {
  const { t } = useTranslation();
  const { settings } = state;
  const privacy = privacySettings(settings);
  const [tableName, setTableName] = useState("");
  const addTable = (name: string) => send({ type: "addTable", tableId: crypto.randomUUID(), name });
  return (
    <section className="panel settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t("console.settings.heading")}</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.anonymousCards}
          onChange={(event) => send({ type: "updateSettings", patch: { anonymousCards: event.target.checked } })}
        />
        {t("console.settings.anonymous")}
      </label>
      {!settings.anonymousCards && (
        <label className="check">
          <input
            type="checkbox"
            data-testid="setting-show-authors"
            checked={privacy.showAuthors}
            onChange={(event) => send({ type: "updateSettings", patch: { showAuthors: event.target.checked } })}
          />
          {t("console.settings.showAuthors")}
        </label>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={settings.participantsMayMoveCards}
          onChange={(event) =>
            send({ type: "updateSettings", patch: { participantsMayMoveCards: event.target.checked } })
          }
        />
        {t("console.settings.participantsMove")}
      </label>
      <label>
        {t("console.settings.cardLength")}
        <input
          type="number"
          min={10}
          max={2000}
          defaultValue={settings.cardMaxLength}
          onBlur={(event) => {
            const value = Number(event.target.value);
            if (value >= 10 && value !== settings.cardMaxLength)
              send({ type: "updateSettings", patch: { cardMaxLength: value } });
          }}
        />
      </label>
      <label>
        {t("console.settings.minVoters")}
        <input
          type="number"
          data-testid="setting-min-voters"
          min={1}
          max={100}
          defaultValue={privacy.minVotersPerGroup}
          key={`min-voters-${privacy.minVotersPerGroup}`}
          onBlur={(event) => {
            const value = Number(event.target.value);
            if (Number.isInteger(value) && value >= 1 && value <= 100 && value !== privacy.minVotersPerGroup)
              send({ type: "updateSettings", patch: { minVotersPerGroup: value } });
          }}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="setting-breakdowns-on-projector"
          checked={privacy.breakdownsOnProjector}
          onChange={(event) => send({ type: "updateSettings", patch: { breakdownsOnProjector: event.target.checked } })}
        />
        {t("console.settings.breakdownsOnProjector")}
      </label>
      <fieldset>
        <legend>{t("console.settings.mode")}</legend>
        {(["open", "rounds"] as const).map((mode) => (
          <label className="check" key={mode}>
            <input
              type="radio"
              name="brainstorm-mode"
              checked={settings.brainstormMode === mode}
              onChange={() => send({ type: "updateSettings", patch: { brainstormMode: mode } })}
            />
            {t(`console.settings.mode_${mode}`)}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.useTables}
          onChange={(event) => send({ type: "updateSettings", patch: { useTables: event.target.checked } })}
        />
        {t("console.settings.useTables")}
      </label>
      {settings.useTables && (
        <div className="tables">
          <ul className="chips">
            {state.tables.map((table) => (
              <li key={table.id} className="chip">
                {table.name}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t("console.settings.removeTable", { name: table.name })}
                  onClick={() => send({ type: "removeTable", tableId: table.id })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <form
            className="row"
            onSubmit={(event) => {
              event.preventDefault();
              addTable(tableName.trim() || t("console.settings.tableNumber", { number: state.tables.length + 1 }));
              setTableName("");
            }}
          >
            <label className="grow">
              {t("console.settings.tableName")}
              <input value={tableName} onChange={(event) => setTableName(event.target.value)} maxLength={80} />
            </label>
            <button type="submit" data-testid="add-table">
              {t("console.settings.addTable")}
            </button>
          </form>
        </div>
      )}
    </section>
  );
}
