import { useTranslation } from "react-i18next";
import { isolate } from "../isolate.js";

/** Move left, move right (the keyboard's way to reorder columns) and the column's menu. */
export function ColumnTools(props: {
  label: string;
  first: boolean;
  last: boolean;
  canMove: boolean;
  canOpen: boolean;
  onMove: (delta: -1 | 1) => void;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  return (
    <span className="board-column-tools">
      {props.canMove && (
        <>
          <button
            type="button"
            className="board-icon-button"
            data-move="-1"
            disabled={props.first}
            onClick={() => props.onMove(-1)}
            aria-label={t("board.moveLeft", { column: props.label })}
            title={t("board.moveLeft", { column: isolate(props.label) })}
          >
            <span aria-hidden="true">‹</span>
          </button>
          <button
            type="button"
            className="board-icon-button"
            data-move="1"
            disabled={props.last}
            onClick={() => props.onMove(1)}
            aria-label={t("board.moveRight", { column: props.label })}
            title={t("board.moveRight", { column: isolate(props.label) })}
          >
            <span aria-hidden="true">›</span>
          </button>
        </>
      )}
      {props.canOpen && (
        <button
          type="button"
          className="board-icon-button"
          aria-haspopup="dialog"
          onClick={props.onOpen}
          aria-label={t("board.columnActions", { column: props.label })}
          title={t("board.columnActions", { column: isolate(props.label) })}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      )}
    </span>
  );
}
