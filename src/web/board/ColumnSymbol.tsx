import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { SYMBOL_COUNT } from "../../core/index.js";

/**
 * Unnamed columns are told apart by a symbol, as a facilitator marks paper columns on the wall
 * with a shape before the group names them. Each symbol differs by shape AND colour, so that
 * colour-blind people and black-and-white printouts can still tell them apart.
 */
const SHAPES: readonly ReactElement[] = [
  <path key="triangle" d="M12 2.5 22 20.5H2z" />,
  <circle key="circle" cx="12" cy="12" r="9.5" />,
  <rect key="square" x="3" y="3" width="18" height="18" rx="2" />,
  <path key="diamond" d="M12 1.5 22.5 12 12 22.5 1.5 12z" />,
  <path key="star" d="m12 1.8 3.1 6.5 7.1.9-5.2 4.9 1.3 7.1L12 17.8l-6.3 3.4L7 14.1 1.8 9.2l7.1-.9z" />,
  <path key="hexagon" d="M12 1.5 21.1 6.8v10.4L12 22.5l-9.1-5.3V6.8z" />,
  <path key="heart" d="M12 21.5S2 15.4 2 8.7A5.2 5.2 0 0 1 12 6.4a5.2 5.2 0 0 1 10 2.3c0 6.7-10 12.8-10 12.8z" />,
  <path key="cross" d="M8.5 2h7v6.5H22v7h-6.5V22h-7v-6.5H2v-7h6.5z" />,
  <path key="pentagon" d="M12 1.8 22.2 9.2l-3.9 12H5.7l-3.9-12z" />,
  <path key="moon" d="M21.5 14.2A10 10 0 1 1 9.8 2.5a7.8 7.8 0 0 0 11.7 11.7z" />,
  <path key="arrow" d="M12 1.5 22 11.5h-6V22.5H8V11.5H2z" />,
  <path
    key="ring"
    fillRule="evenodd"
    d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 5.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9z"
  />,
];

/** One colour per symbol, dark enough to read on white (WCAG 3:1 for graphics). */
export const SYMBOL_COLORS: readonly string[] = [
  "#e8710a",
  "#1a73e8",
  "#1e8e3e",
  "#8430ce",
  "#d93025",
  "#00897b",
  "#d01884",
  "#8d5524",
  "#1f3a93",
  "#b58100",
  "#5f7a12",
  "#5f6368",
];

/** The colour of a symbol, for the column's accent. */
export function symbolColor(symbol: number): string {
  return SYMBOL_COLORS[symbol % SYMBOL_COUNT] ?? "#5f6368";
}

/** The spoken name of a symbol ("orange triangle"), from the locale files. */
export function useSymbolName(): (symbol: number) => string {
  const { t } = useTranslation();
  return (symbol) => t(`board.symbols.${symbol % SYMBOL_COUNT}`);
}

/** A column's symbol as an inline SVG; `label` is read out unless the symbol is decorative. */
export function ColumnSymbol({ symbol, label, size = 32 }: { symbol: number; label?: string; size?: number }) {
  const shape = SHAPES[symbol % SYMBOL_COUNT] ?? SHAPES[0];
  const common = {
    className: "board-symbol",
    width: size,
    height: size,
    viewBox: "0 0 24 24",
    fill: symbolColor(symbol),
  };
  if (!label) {
    return (
      <svg {...common} aria-hidden="true" focusable="false">
        {shape}
      </svg>
    );
  }
  return (
    <svg {...common} role="img" aria-label={label}>
      <title>{label}</title>
      {shape}
    </svg>
  );
}
