import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Command, customInstruction, LIMITS, type WorkshopState } from "../../core/index.js";
import { instructionLine } from "./instructionLine.js";
import "./instructions.css";

/**
 * The console's view of the line the room sees for the current phase, and the way to change it:
 * one row, so it costs the board no height. Saving an empty line, or "Default", gives the
 * phase's own line back.
 */
export function InstructionEditor({ state, send }: { state: WorkshopState; send: (command: Command) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [draft, setDraft] = useState<string>();
  const { phase } = state;
  const custom = customInstruction(state, phase);
  const line = instructionLine(t, state);
  const save = (text: string) => {
    send({ type: "setInstruction", phase, text: text.trim() });
    setDraft(undefined);
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    save(draft ?? "");
  };

  if (draft === undefined) {
    return (
      <div className="instruction-editor" data-testid="instruction-editor">
        <span className="instruction-editor-label">{t("instructions.editor.shown")}</span>
        <span className="instruction-editor-line" data-testid="instruction-current" dir="auto">
          {line}
        </span>
        <button type="button" className="instruction-editor-button" onClick={() => setDraft(custom ?? line)}>
          {t("instructions.editor.edit")}
        </button>
      </div>
    );
  }
  return (
    <form className="instruction-editor" onSubmit={handleSubmit} data-testid="instruction-editor">
      <label className="instruction-editor-label" htmlFor={inputId}>
        {t("instructions.editor.label", { phase: t(`phase.${phase}`) })}
      </label>
      <input
        id={inputId}
        className="instruction-editor-input"
        value={draft}
        maxLength={LIMITS.instruction}
        // The facilitator asked to edit: the field is where the work is.
        // biome-ignore lint/a11y/noAutofocus: opened by the facilitator's own click
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setDraft(undefined);
        }}
        data-testid="instruction-input"
      />
      <button type="submit" className="instruction-editor-button" data-testid="instruction-save">
        {t("instructions.editor.save")}
      </button>
      {custom !== undefined && (
        <button type="button" className="instruction-editor-button" onClick={() => save("")}>
          {t("instructions.editor.reset")}
        </button>
      )}
      <button type="button" className="instruction-editor-button" onClick={() => setDraft(undefined)}>
        {t("instructions.editor.cancel")}
      </button>
    </form>
  );
}
