import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Command, WorkshopContext } from "../../core/index.js";

/** The session's reflections and next steps, as the capture report shows them. */
export function ReflectionsPanel({ context, send }: { context: WorkshopContext; send: (command: Command) => void }) {
  const { t } = useTranslation();
  const [reflections, setReflections] = useState(context.reflections);
  const [nextSteps, setNextSteps] = useState(context.nextSteps);
  const changed = reflections !== context.reflections || nextSteps !== context.nextSteps;
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const patch = {
      ...(reflections !== context.reflections ? { reflections } : {}),
      ...(nextSteps !== context.nextSteps ? { nextSteps } : {}),
    };
    send({ type: "updateContext", patch });
  };
  return (
    <form className="panel stack reflections" aria-labelledby="reflections-heading" onSubmit={handleSubmit}>
      <h2 id="reflections-heading">{t("resolve.reflectionsHeading")}</h2>
      <label>
        {t("resolve.reflections")}
        <textarea rows={4} value={reflections} onChange={(event) => setReflections(event.target.value)} />
      </label>
      <label>
        {t("resolve.nextSteps")}
        <textarea rows={3} value={nextSteps} onChange={(event) => setNextSteps(event.target.value)} />
      </label>
      <p className="row">
        <button type="submit" disabled={!changed} data-testid="save-reflections">
          {t("resolve.saveReflections")}
        </button>
        {!changed && (context.reflections || context.nextSteps) && <span className="muted">{t("naming.saved")}</span>}
      </p>
    </form>
  );
}
