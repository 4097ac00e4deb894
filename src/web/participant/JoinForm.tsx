import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import { type ParticipantProfile, rememberLanguageChosen } from "./deviceMemory.js";
import type { JoinInfo } from "./joinApi.js";

const NAME_MAX_LENGTH = 80;

/** True when the join form has a question to ask for this workshop. */
export function joinFormHasQuestions(info: JoinInfo): boolean {
  return !info.anonymousCards || info.participantGroups.length > 0 || usesTables(info);
}

const usesTables = (info: JoinInfo) => info.useTables && info.tables.length > 0;

/** `/join/:code` before joining: a display name (unless cards are anonymous), a group, a table. */
export function JoinForm(props: {
  info: JoinInfo;
  initial: ParticipantProfile;
  onJoin: (profile: ParticipantProfile) => void;
  onOtherCode: () => void;
}) {
  const { t } = useTranslation();
  const { info } = props;
  const [name, setName] = useState(props.initial.name);
  const [chosenGroup, setGroup] = useState(props.initial.group ?? "");
  const [chosenTableId, setTableId] = useState(props.initial.tableId ?? "");
  // Checked at each render: the lists can change under the form (a fresh lookup after "change").
  const group = info.participantGroups.includes(chosenGroup) ? chosenGroup : "";
  const tableId = info.tables.some((table) => table.id === chosenTableId) ? chosenTableId : "";
  const nameMissing = !info.anonymousCards && !name.trim();
  const tableMissing = usesTables(info) && !tableId;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (nameMissing || tableMissing) return;
    props.onJoin({
      name: info.anonymousCards ? "" : name.trim(),
      ...(group ? { group } : {}),
      ...(usesTables(info) && tableId ? { tableId } : {}),
    });
  };

  return (
    <div className="join-shell">
      <main className="join-card">
        <p className="join-eyebrow">{t("join.joining")}</p>
        <h1 className="join-title" dir="auto">
          {info.title}
        </h1>
        <form className="join-form" onSubmit={handleSubmit}>
          {info.anonymousCards ? (
            <p className="join-note">{t("join.anonymousNote")}</p>
          ) : (
            <div className="join-field">
              <label className="join-label" htmlFor="join-name">
                {t("join.nameLabel")}
              </label>
              <input
                id="join-name"
                data-testid="join-name-input"
                className="join-input"
                value={name}
                onChange={(event) => setName(event.target.value)}
                maxLength={NAME_MAX_LENGTH}
                autoComplete="nickname"
                enterKeyHint="next"
                required
              />
              <p className="join-hint">{t(info.showAuthors ? "join.nameHint" : "join.nameHintHidden")}</p>
            </div>
          )}
          {info.participantGroups.length > 0 && (
            <div className="join-field">
              <label className="join-label" htmlFor="join-group">
                {t("join.groupLabel")} <span className="join-optional">{t("join.optional")}</span>
              </label>
              <select
                id="join-group"
                data-testid="join-group-select"
                className="join-input join-select"
                value={group}
                onChange={(event) => setGroup(event.target.value)}
              >
                <option value="">{t("join.groupNone")}</option>
                {info.participantGroups.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {usesTables(info) && (
            <div className="join-field">
              <label className="join-label" htmlFor="join-table">
                {t("join.tableLabel")}
              </label>
              <select
                id="join-table"
                data-testid="join-table-select"
                className="join-input join-select"
                value={tableId}
                onChange={(event) => setTableId(event.target.value)}
                required
              >
                <option value="" disabled>
                  {t("join.tableChoose")}
                </option>
                {info.tables.map((table) => (
                  <option key={table.id} value={table.id}>
                    {table.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button
            type="submit"
            data-testid="join-submit"
            className="join-primary"
            disabled={nameMissing || tableMissing}
          >
            {t("join.submit")}
          </button>
        </form>
      </main>
      <footer className="join-footer">
        <button type="button" className="join-link-button" onClick={props.onOtherCode}>
          {t("join.otherCode")}
        </button>
        <LanguageSwitch className="join-link-button" onSwitch={rememberLanguageChosen} />
      </footer>
    </div>
  );
}
