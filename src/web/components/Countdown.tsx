import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Timer } from "../../core/index.js";

/** Seconds left on the shared timer, counted on this device's clock corrected by the server's. */
export function useSecondsLeft(timer: Timer | null, clockOffsetMs: number): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!timer) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [timer]);
  if (!timer) return undefined;
  return Math.max(0, Math.ceil((Date.parse(timer.endsAt) - (now + clockOffsetMs)) / 1000));
}

/** The countdown everyone sees; screen readers hear only the last minute and the end. */
export function Countdown({
  timer,
  clockOffsetMs,
  large,
}: {
  timer: Timer | null;
  clockOffsetMs: number;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const seconds = useSecondsLeft(timer, clockOffsetMs);
  if (seconds === undefined) return null;
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  const announce = seconds === 60 ? t("timer.oneMinute") : seconds === 0 ? t("timer.done") : "";
  return (
    <div className={`countdown${large ? " countdown-large" : ""}${seconds <= 60 ? " countdown-ending" : ""}`}>
      <span role="timer" aria-label={t("timer.label")}>
        {text}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {announce}
      </span>
    </div>
  );
}
