import { useState } from "react";
import { useTranslation } from "react-i18next";
import { rotateJoinCode } from "../api.js";
import { requestProblem } from "../problems.js";

/**
 * "New code", asked once more before it runs: the code on the wall stops working at once, so a
 * code that leaked beyond the room (a photo posted online) lets no one else in. People already in
 * stay connected; the console and the projector show the new code as soon as the server has it.
 */
export function NewJoinCode({ workshopId, joinCode }: { workshopId: string; joinCode: string }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<"idle" | "asking" | "busy">("idle");
  const [problem, setProblem] = useState<string>();

  const handleConfirm = async () => {
    setStep("busy");
    setProblem(undefined);
    try {
      await rotateJoinCode(workshopId);
    } catch (error) {
      setProblem(requestProblem(t, error));
    }
    setStep("idle");
  };

  return (
    <div className="join-new-code">
      {step === "idle" ? (
        <button type="button" className="secondary" data-testid="new-join-code" onClick={() => setStep("asking")}>
          {t("console.join.newCode")}
        </button>
      ) : (
        <div>
          <p>{t("console.join.newCodeQuestion", { code: joinCode })}</p>
          <div className="row">
            <button type="button" className="secondary" disabled={step === "busy"} onClick={() => setStep("idle")}>
              {t("console.join.keepCode")}
            </button>
            <button
              type="button"
              className="danger"
              data-testid="confirm-new-join-code"
              disabled={step === "busy"}
              onClick={() => void handleConfirm()}
            >
              {t("console.join.confirmNewCode")}
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </div>
  );
}
