import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContextPatch, WorkshopContext } from "../../core/index.js";
import { LanguageOptions } from "../components/LanguageOptions.js";

type TextField = Exclude<keyof WorkshopContext, "language" | "facilitators" | "participantGroups" | "branding">;

const SHORT_FIELDS: TextField[] = ["title", "organization", "event", "preparedFor", "preparedBy"];
const DATE_FIELDS: TextField[] = ["heldOn", "reportDate"];
const LONG_FIELDS: TextField[] = ["focusQuestion", "goal", "rationalAim", "experientialAim", "overview", "method"];

/** The context step: front matter, the focus question and the two aims, saved in one command. */
export function ContextEditor({
  context,
  onSave,
}: {
  context: WorkshopContext;
  onSave: (patch: ContextPatch) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => ({
    ...context,
    facilitatorsText: context.facilitators
      .map((person) => [person.name, person.organization].filter(Boolean).join(", "))
      .join("\n"),
    groupsText: context.participantGroups.join("\n"),
  }));
  const [saved, setSaved] = useState(false);
  const field = (name: TextField) => ({
    value: (draft[name] as string | undefined) ?? "",
    onChange: (event: { target: { value: string } }) => {
      setSaved(false);
      setDraft({ ...draft, [name]: event.target.value });
    },
  });

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const lines = (text: string) =>
      text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
    const patch: ContextPatch = {
      facilitators: lines(draft.facilitatorsText).map((line) => {
        const [name = "", ...organization] = line.split(",");
        return { name: name.trim(), organization: organization.join(",").trim() };
      }),
      participantGroups: lines(draft.groupsText),
    };
    for (const name of [...SHORT_FIELDS, ...DATE_FIELDS, ...LONG_FIELDS]) {
      const value = (draft[name] as string | undefined) ?? "";
      if (value !== (context[name] ?? "")) Object.assign(patch, { [name]: value });
    }
    onSave(patch);
    setSaved(true);
  };

  return (
    <form className="panel context-editor" onSubmit={handleSubmit} aria-labelledby="context-heading">
      <h2 id="context-heading">{t("console.context.heading")}</h2>
      <div className="grid-2">
        {SHORT_FIELDS.map((name) => (
          <label key={name}>
            {t(`console.context.${name}`)}
            <input {...field(name)} required={name === "title"} maxLength={500} />
          </label>
        ))}
        {DATE_FIELDS.map((name) => (
          <label key={name}>
            {t(`console.context.${name}`)}
            <input type="date" {...field(name)} required />
          </label>
        ))}
        <label>
          {t("home.language")}
          {/* Saved at once, like the console's own switch: the screens change language together. */}
          <select
            value={context.language}
            onChange={(event) => onSave({ language: event.target.value as "en" | "fr" })}
          >
            <LanguageOptions />
          </select>
        </label>
      </div>
      {LONG_FIELDS.map((name) => (
        <label key={name}>
          {t(`console.context.${name}`)}
          <textarea {...field(name)} rows={name === "overview" ? 5 : 2} />
        </label>
      ))}
      <div className="grid-2">
        <label>
          {t("console.context.facilitators")}
          <textarea
            rows={3}
            value={draft.facilitatorsText}
            onChange={(event) => setDraft({ ...draft, facilitatorsText: event.target.value })}
          />
        </label>
        <label>
          {t("console.context.participantGroups")}
          <textarea
            rows={3}
            value={draft.groupsText}
            onChange={(event) => setDraft({ ...draft, groupsText: event.target.value })}
          />
        </label>
      </div>
      <div className="row">
        <button type="submit">{t("console.context.save")}</button>
        {/* The region is there before its words, so that screen readers hear them arrive. */}
        <span aria-live="polite">{saved ? t("console.context.saved") : ""}</span>
      </div>
    </form>
  );
}
