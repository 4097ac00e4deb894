import type { TOptions } from "i18next";
import { useTranslation } from "react-i18next";

/**
 * A translated message with user text in it ("{{name}} may write"): each of `values` in its own
 * `<bdi>`, so that a right-to-left override typed into a name cannot turn the words after it
 * around. `options` are the message's other values (a count). The text reads as `t` would give it.
 */
export function UserMessage({
  id,
  values,
  options,
}: {
  id: string;
  values: Record<string, string>;
  options?: TOptions;
}) {
  const { t } = useTranslation();
  const names = Object.keys(values);
  // i18next places a marker per value (private-use characters no message holds); each becomes its <bdi>.
  const markers = Object.fromEntries(names.map((name, index) => [name, `\uE000${index}\uE001`]));
  const placed = t(id, { ...options, ...markers }) as string;
  return (
    <>
      {placed.split(/\uE000(\d+)\uE001/).map((part, index) =>
        index % 2 === 0 ? (
          part
        ) : (
          // Positions in one message never move, so the index is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <bdi key={index}>{values[names[Number(part)] ?? ""]}</bdi>
        ),
      )}
    </>
  );
}
