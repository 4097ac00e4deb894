import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Command,
  type ParticipantQuotas,
  privacySettings,
  quotaSettingsSchema,
  quotasOf,
  type SettingsPatch,
  type WorkshopState,
} from "../../core/index.js";
import { newId } from "../newId.js";

const QUOTA_KEYS = ["cardsPerMinute", "cardsPerParticipant", "newParticipantsPerMinute"] as const;

type OnOffSetting =
  | "anonymousCards"
  | "showAuthors"
  | "participantsMayMoveCards"
  | "breakdownsOnProjector"
  | "useTables";

/**
 * A setting's checkbox shows the click at once, before the server's answer: kept only while the state it
 * was made on is current, so the server's next state (the change itself, or anything else) replaces it.
 */
function SettingToggle({
  state,
  setting,
  checked,
  label,
  send,
}: {
  state: WorkshopState;
  setting: OnOffSetting;
  checked: boolean;
  label: string;
  send: (command: Command) => void;
}) {
  const [clicked, setClicked] = useState<{ base: WorkshopState; checked: boolean }>();
  const shown = clicked?.base === state ? clicked.checked : checked;
  return (
    <label className="check">
      <input
        type="checkbox"
        data-testid={`setting-${setting}`}
        checked={shown}
        onChange={(event) => {
          setClicked({ base: state, checked: event.target.checked });
          send({ type: "updateSettings", patch: { [setting]: event.target.checked } as SettingsPatch });
        }}
      />
      {label}
    </label>
  );
}

/** How the room runs: card names, who may move cards, card length, rounds and tables, what results show. */
export function SettingsPanel({ state, send }: { state: WorkshopState; send: (command: Command) => void }) {
  const { t } = useTranslation();
  const { settings } = state;
  const privacy = privacySettings(settings);
  const [tableName, setTableName] = useState("");
  const addTable = (name: string) => send({ type: "addTable", tableId: newId(), name });
  const onOff = (setting: OnOffSetting, checked: boolean, label: string) => (
    <SettingToggle state={state} setting={setting} checked={checked} label={label} send={send} />
  );
  const quotas = quotasOf(settings);
  const setQuota = (key: keyof ParticipantQuotas, value: number) => {
    const patch = { [key]: value };
    if (value !== quotas[key] && quotaSettingsSchema.partial().safeParse(patch).success)
      send({ type: "updateSettings", patch });
  };
  return (
    <section className="panel settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t("console.settings.heading")}</h2>
      {onOff("anonymousCards", settings.anonymousCards, t("console.settings.anonymous"))}
      {!settings.anonymousCards && onOff("showAuthors", privacy.showAuthors, t("console.settings.showAuthors"))}
      {onOff("participantsMayMoveCards", settings.participantsMayMoveCards, t("console.settings.participantsMove"))}
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
      {onOff("breakdownsOnProjector", privacy.breakdownsOnProjector, t("console.settings.breakdownsOnProjector"))}
      <fieldset>
        <legend>{t("console.settings.quotas")}</legend>
        {QUOTA_KEYS.map((key) => (
          <label key={key}>
            {t(`console.settings.${key}`)}
            <input
              type="number"
              min={1}
              defaultValue={quotas[key]}
              key={`${key}-${quotas[key]}`}
              data-testid={`quota-${key}`}
              onBlur={(event) => setQuota(key, Number(event.target.value))}
            />
          </label>
        ))}
      </fieldset>
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
      {onOff("useTables", settings.useTables, t("console.settings.useTables"))}
      {settings.useTables && (
        <div className="tables">
          <ul className="chips">
            {state.tables.map((table) => (
              <li key={table.id} className="chip">
                <bdi>{table.name}</bdi>
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
