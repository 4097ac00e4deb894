import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command, WorkshopState } from "../../core/index.js";
import { newId } from "../newId.js";

/** Calls for cards round by round, shows which tables are ready and reveals a round's cards together. */
export function RoundsPanel({ state, send }: { state: WorkshopState; send: (command: Command) => void }) {
  const { t } = useTranslation();
  const [prompt, setPrompt] = useState("");
  const [perTable, setPerTable] = useState("3");
  const active = state.rounds.find((round) => round.id === state.activeRoundId);
  const waiting = (roundId: string) =>
    [...state.cards.values()].filter((card) => card.roundId === roundId && card.stage === "submitted").length;

  const handleStart = (event: FormEvent) => {
    event.preventDefault();
    const limit = Number(perTable);
    send({
      type: "startRound",
      roundId: newId(),
      prompt: prompt.trim(),
      perTable: limit > 0 ? limit : null,
    });
    setPrompt("");
  };

  return (
    <section className="panel rounds" aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">{t("console.rounds.heading")}</h2>
      {active && (
        <div className="active-round" data-testid="active-round">
          <p>
            <strong dir="auto">{active.prompt || t("console.rounds.untitled")}</strong>
          </p>
          {state.settings.useTables && state.tables.length > 0 && (
            <p data-testid="tables-ready" aria-live="polite">
              {t("console.rounds.tablesReady", { ready: active.readyTableIds.length, count: state.tables.length })}
            </p>
          )}
          <p>{t("console.rounds.waiting", { count: waiting(active.id) })}</p>
          {!active.revealed && (
            <button
              type="button"
              data-testid="reveal-round"
              onClick={() => send({ type: "revealRound", roundId: active.id })}
            >
              {t("console.rounds.reveal")}
            </button>
          )}
        </div>
      )}
      {state.rounds
        .filter((round) => !round.revealed && round.id !== active?.id)
        .map((round) => (
          <p key={round.id} className="row">
            <span className="grow" dir="auto">
              {round.prompt}
            </span>
            <button type="button" onClick={() => send({ type: "revealRound", roundId: round.id })}>
              {t("console.rounds.reveal")}
            </button>
          </p>
        ))}
      <form className="stack" onSubmit={handleStart}>
        <label>
          {t("console.rounds.prompt")}
          <input
            data-testid="round-prompt"
            value={prompt}
            onChange={(event) => setPrompt(event.target.value)}
            placeholder={t("console.rounds.promptExample")}
            maxLength={500}
          />
        </label>
        <label>
          {t("console.rounds.perTable")}
          <input
            type="number"
            min={0}
            max={50}
            value={perTable}
            onChange={(event) => setPerTable(event.target.value)}
          />
        </label>
        <button type="submit" data-testid="start-round">
          {t("console.rounds.start")}
        </button>
      </form>
    </section>
  );
}
