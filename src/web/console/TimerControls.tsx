import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command, Timer } from "../../core/index.js";
import { Countdown } from "../components/Countdown.js";

/** Starts and stops the countdown that every screen shows. */
export function TimerControls(props: { timer: Timer | null; clockOffsetMs: number; send: (command: Command) => void }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState("5");
  return (
    <div className="timer-controls row">
      <Countdown timer={props.timer} clockOffsetMs={props.clockOffsetMs} />
      <label>
        <span className="visually-hidden">{t("console.timer.minutes")}</span>
        <input
          type="number"
          min={1}
          max={240}
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
          className="narrow"
          aria-label={t("console.timer.minutes")}
        />
      </label>
      <button
        type="button"
        className="secondary"
        onClick={() => props.send({ type: "startTimer", durationSeconds: Math.round(Number(minutes) * 60) })}
      >
        {t("console.timer.start")}
      </button>
      {props.timer && (
        <button type="button" className="secondary" onClick={() => props.send({ type: "stopTimer" })}>
          {t("console.timer.stop")}
        </button>
      )}
    </div>
  );
}
