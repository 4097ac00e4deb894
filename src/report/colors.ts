/** The accent of a report whose organization has set none: a deep teal that prints well in greyscale. */
export const DEFAULT_ACCENT = "#1F5F7A";

/** Body text, shared by every format so they look alike. */
export const INK = "#1C2630";
/** Secondary text: captions, counts, the footer. */
export const MUTED = "#5A6673";
/** Hairlines of tables and cards. */
export const RULE = "#C9D2DA";

/** Returns the colour if it is a `#RRGGBB` value, else the default accent: styles must never carry free text. */
export function safeAccent(color: string | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color.toUpperCase() : DEFAULT_ACCENT;
}

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(rgb: number[]): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

/** Mixes a colour with white: `amount` 0 keeps the colour, 1 gives white. For tinted table rows. */
export function tint(hex: string, amount: number): string {
  return toHex(channels(hex).map((channel) => channel + (255 - channel) * amount));
}

/** Mixes a colour with black, for text in the accent colour that must stay readable on white. */
function shade(hex: string, amount: number): string {
  return toHex(channels(hex).map((channel) => channel * (1 - amount)));
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** White or ink, whichever reads better on the given background (a pale accent gets dark text). */
export function textOn(background: string): string {
  const l = luminance(background);
  return (1.05 / (l + 0.05) >= (l + 0.05) / (luminance(INK) + 0.05) ? "#FFFFFF" : INK).toUpperCase();
}

/**
 * The accent as used for headings on white: a light accent (a pale yellow, say) is darkened
 * until it has at least a 4.5:1 contrast, so headings stay legible whatever the brand colour.
 */
export function headingColor(accent: string): string {
  let color = accent;
  for (let step = 0; step < 10 && 1.05 / (luminance(color) + 0.05) < 4.5; step++) color = shade(color, 0.15);
  return color;
}
