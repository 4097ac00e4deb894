import { useTranslation } from "react-i18next";
import type { Theme, WorkshopState } from "../../core/index.js";
import { symbolOf } from "../board/boardModel.js";
import { useSymbolName } from "../board/ColumnSymbol.js";

/** A column as people call it: its name, or its symbol ("Column: orange triangle") until named. */
export function useColumnLabel(state: WorkshopState): {
  label: (theme: Theme) => string;
  symbol: (theme: Theme) => number;
} {
  const { t } = useTranslation();
  const symbolName = useSymbolName();
  const symbol = (theme: Theme) =>
    symbolOf(
      theme,
      state.themes.findIndex((candidate) => candidate.id === theme.id),
    );
  const label = (theme: Theme) => theme.name.trim() || t("board.columnSymbol", { symbol: symbolName(symbol(theme)) });
  return { label, symbol };
}
