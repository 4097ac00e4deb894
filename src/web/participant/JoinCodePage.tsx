import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import { rememberJoinInfo, rememberLanguageChosen } from "./deviceMemory.js";
import { lookUpJoinCode } from "./joinApi.js";
import { cleanJoinCode, isCompleteJoinCode, JOIN_CODE_LENGTH } from "./joinCode.js";

type Problem = "notFound" | "unreachable";

/** `/join`: one big, forgiving field for the code shown in the room. */
export function JoinCodePage({ onFound }: { onFound: (code: string) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const hintId = useId();
  const problemId = useId();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isCompleteJoinCode(code) || busy) return;
    setBusy(true);
    setProblem(undefined);
    const lookup = await lookUpJoinCode(code);
    setBusy(false);
    if (lookup.kind === "found") {
      rememberJoinInfo(code, lookup.info);
      onFound(code);
    } else {
      setProblem(lookup.kind);
    }
  };

  return (
    <div className="join-shell">
      <main className="join-card">
        <p className="join-brand">{t("app.name")}</p>
        <h1 className="join-title">{t("join.codeTitle")}</h1>
        <form className="join-form" onSubmit={handleSubmit} noValidate>
          <label className="join-label" htmlFor="join-code">
            {t("join.codeLabel")}
          </label>
          <input
            id="join-code"
            data-testid="join-code-input"
            className="join-code-input"
            value={code}
            onChange={(event) => {
              setCode(cleanJoinCode(event.target.value));
              setProblem(undefined);
            }}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="go"
            // A code is short; the field takes a pasted link too, which cleanJoinCode shortens.
            aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
            aria-invalid={problem === "notFound" || undefined}
            placeholder={"•".repeat(JOIN_CODE_LENGTH)}
            // biome-ignore lint/a11y/noAutofocus: the code is the only thing this page asks for.
            autoFocus
          />
          <p id={hintId} className="join-hint">
            {t("join.codeHint")}
          </p>
          {problem && (
            <p id={problemId} role="alert" className="join-problem">
              {problem === "notFound" ? t("join.codeNotFound", { code }) : t("join.unreachable")}
            </p>
          )}
          <button
            type="submit"
            data-testid="join-submit"
            className="join-primary"
            disabled={!isCompleteJoinCode(code) || busy}
          >
            {busy ? t("join.checking") : t("join.continue")}
          </button>
        </form>
      </main>
      <footer className="join-footer">
        <LanguageSwitch className="join-link-button" onSwitch={rememberLanguageChosen} />
      </footer>
    </div>
  );
}
