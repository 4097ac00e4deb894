import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command, Theme } from "../../core/index.js";
import { Modal } from "./Modal.js";

/** The facilitator's heavier column tools: merge into another column, delete. */
export function ColumnDialog(props: {
  theme: Theme;
  themes: readonly Theme[];
  columnName: (theme: Theme) => string;
  canMerge: boolean;
  canDelete: boolean;
  send: (command: Command) => void;
  onClose: () => void;
}) {
  const { theme, send, onClose } = props;
  const { t } = useTranslation();
  const mergeId = useId();
  const [target, setTarget] = useState("");
  const others = props.themes.filter((other) => other.id !== theme.id);

  const handleMerge = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    send({ type: "mergeThemes", sourceThemeId: theme.id, targetThemeId: target });
    onClose();
  };

  return (
    <Modal title={props.columnName(theme)} onClose={onClose}>
      {props.canMerge && others.length > 0 && (
        <form className="board-form" onSubmit={handleMerge}>
          <label htmlFor={mergeId}>{t("board.columnDialog.mergeInto")}</label>
          <p className="board-hint">{t("board.columnDialog.mergeHint")}</p>
          <div className="board-form-row">
            <select id={mergeId} value={target} onChange={(event) => setTarget(event.target.value)}>
              <option value="">{t("board.columnDialog.chooseColumn")}</option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {props.columnName(other)}
                </option>
              ))}
            </select>
            <button type="submit" disabled={!target}>
              {t("board.columnDialog.merge")}
            </button>
          </div>
        </form>
      )}
      {props.canDelete && (
        <div className="board-form board-danger-zone">
          <p className="board-hint">{t("board.columnDialog.deleteHint")}</p>
          <button
            type="button"
            className="board-danger"
            onClick={() => {
              send({ type: "deleteTheme", themeId: theme.id });
              onClose();
            }}
          >
            {t("board.columnDialog.delete")}
          </button>
        </div>
      )}
    </Modal>
  );
}
