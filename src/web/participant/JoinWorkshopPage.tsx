import { useEffect, useReducer, useState } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import {
  languageWasChosen,
  lastDisplayName,
  type ParticipantProfile,
  rememberedJoinInfo,
  rememberedProfile,
  rememberJoinInfo,
  rememberLanguageChosen,
  rememberProfile,
} from "./deviceMemory.js";
import { JoinForm, joinFormHasQuestions } from "./JoinForm.js";
import { type JoinInfo, lookUpJoinCode } from "./joinApi.js";
import { ParticipantView } from "./ParticipantView.js";

/**
 * `/join/:code`: looks the code up, asks the join form once per workshop and device, then shows
 * the live participant view. The last answer for a code is kept on the device, so a reload with
 * no network still opens the workshop (and its outbox) instead of an error.
 */
export function JoinWorkshopPage({ code, onOtherCode }: { code: string; onOtherCode: () => void }) {
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<JoinInfo | undefined>(() => rememberedJoinInfo(code));
  const [problem, setProblem] = useState<"notFound" | "unreachable">();
  const [attempt, setAttempt] = useState(0);
  const [editing, setEditing] = useState(false);
  // The profile lives in localStorage; this re-renders once the form has saved it.
  const [, profileSaved] = useReducer((count: number) => count + 1, 0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's trigger.
  useEffect(() => {
    let current = true;
    void lookUpJoinCode(code).then((lookup) => {
      if (!current) return;
      if (lookup.kind === "found") {
        rememberJoinInfo(code, lookup.info);
        setInfo(lookup.info);
        setProblem(undefined);
      } else {
        setProblem(lookup.kind);
      }
    });
    return () => {
      current = false;
    };
  }, [code, attempt]);

  const language = info?.language;
  useEffect(() => {
    // The room speaks the workshop's language, unless this person picked one themselves.
    if (language && !languageWasChosen()) void i18n.changeLanguage(language);
  }, [language, i18n]);

  if (problem === "notFound" || (problem === "unreachable" && !info)) {
    return (
      <div className="join-shell">
        <main className="join-card">
          <p className="join-brand">{t("app.name")}</p>
          <h1 className="join-title">
            {problem === "notFound" ? t("join.notFoundTitle") : t("join.unreachableTitle")}
          </h1>
          <p role="alert" className="join-problem">
            {problem === "notFound" ? t("join.codeNotFound", { code }) : t("join.unreachable")}
          </p>
          {problem === "unreachable" && (
            <button type="button" className="join-primary" onClick={() => setAttempt((count) => count + 1)}>
              {t("join.retry")}
            </button>
          )}
        </main>
        <footer className="join-footer">
          <button type="button" className="join-link-button" onClick={onOtherCode}>
            {t("join.otherCode")}
          </button>
          <LanguageSwitch className="join-link-button" onSwitch={rememberLanguageChosen} />
        </footer>
      </div>
    );
  }
  if (!info) {
    return (
      <div className="join-shell">
        <p className="join-loading" role="status">
          {t("common.loading")}
        </p>
      </div>
    );
  }

  const saveProfile = (answers: ParticipantProfile) => {
    rememberProfile(info.workshopId, answers);
    setEditing(false);
    profileSaved();
  };
  const hasQuestions = joinFormHasQuestions(info);
  const profile = rememberedProfile(info.workshopId) ?? (hasQuestions ? undefined : { name: "" });
  if (!profile || editing) {
    return (
      <JoinForm
        info={info}
        initial={profile ?? { name: lastDisplayName() }}
        onJoin={saveProfile}
        onOtherCode={onOtherCode}
      />
    );
  }
  return (
    <ParticipantView
      workshopId={info.workshopId}
      profile={profile}
      onChangeProfile={
        hasQuestions
          ? () => {
              // Ask again for the tables and groups: the facilitator may have set them up since.
              setAttempt((count) => count + 1);
              setEditing(true);
            }
          : undefined
      }
      onProfileChange={saveProfile}
    />
  );
}
