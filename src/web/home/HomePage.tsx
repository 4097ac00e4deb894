import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Account, Language, WorkshopListItem } from "../../core/index.js";
import { SignIn } from "../account/SignIn.js";
import {
  archiveWorkshop,
  createWorkshop,
  currentAccount,
  duplicateWorkshop,
  importWorkshop,
  listWorkshops,
  logout,
} from "../api.js";
import { LanguageOptions } from "../components/LanguageOptions.js";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import { formatDateTime } from "../format.js";
import { rememberFacilitatorKey } from "../live/identity.js";
import { requestProblem } from "../problems.js";

/** The facilitator's workshops: create, import, open the demo, duplicate, archive. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const [account, setAccount] = useState<Account | null>();
  const [workshops, setWorkshops] = useState<WorkshopListItem[]>();
  const [showArchived, setShowArchived] = useState(false);
  const [title, setTitle] = useState("");
  const [language, setLanguage] = useState<Language>(i18n.language.startsWith("fr") ? "fr" : "en");
  const [error, setError] = useState<string>();

  const refresh = useCallback(() => {
    listWorkshops(showArchived).then(setWorkshops, (reason: unknown) => setError(requestProblem(t, reason)));
  }, [showArchived, t]);

  useEffect(() => {
    currentAccount().then((found) => setAccount(found ?? null));
  }, []);
  useEffect(() => {
    if (account !== undefined) refresh();
  }, [account, refresh]);

  const run = async (action: () => Promise<void>) => {
    setError(undefined);
    try {
      await action();
    } catch (reason) {
      setError(requestProblem(t, reason));
    }
  };
  const open = (created: { id: string; facilitatorKey: string }) => {
    rememberFacilitatorKey(created.id, created.facilitatorKey);
    window.location.assign(`/w/${encodeURIComponent(created.id)}`);
  };
  const handleCreate = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => open(await createWorkshop(title, language)));
  };
  const handleImport = (file: File | undefined) =>
    file && run(async () => open(await importWorkshop(JSON.parse(await file.text()))));

  const mine = workshops?.filter((workshop) => !workshop.public) ?? [];
  const demos = workshops?.filter((workshop) => workshop.public) ?? [];

  return (
    <main className="page">
      <header className="masthead row">
        <div className="grow">
          <h1>{t("app.name")}</h1>
          <p>{t("app.tagline")}</p>
        </div>
        {account && (
          <p>
            <bdi>{account.name}</bdi> ·{" "}
            <button
              type="button"
              className="link"
              onClick={() => run(async () => logout().then(() => setAccount(null)))}
            >
              {t("account.signOut")}
            </button>
          </p>
        )}
        {/* This browser's interface language; a workshop's own language is chosen with the workshop. */}
        <LanguageSwitch />
        <a href="/join" className="button secondary">
          {t("home.joinAsParticipant")}
        </a>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {account === null && <SignIn onSignedIn={setAccount} />}
      {account && (
        <section aria-labelledby="new-heading" className="panel">
          <h2 id="new-heading">{t("home.newWorkshop")}</h2>
          <form onSubmit={handleCreate} className="row">
            <label className="grow">
              {t("home.title")}
              <input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={500} />
            </label>
            <label>
              {t("home.language")}
              <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
                <LanguageOptions />
              </select>
            </label>
            <button type="submit">{t("home.create")}</button>
          </form>
          <label className="file">
            {t("home.import")}
            <input
              type="file"
              accept="application/json,.json"
              onChange={(event) => handleImport(event.target.files?.[0])}
            />
          </label>
        </section>
      )}
      {demos.length > 0 && (
        <section aria-labelledby="demo-heading" className="panel">
          <h2 id="demo-heading">{t("home.demo")}</h2>
          <ul className="workshop-list">
            {demos.map((workshop) => (
              <li key={workshop.id} className="row">
                <span className="grow" dir="auto">
                  {workshop.title}
                </span>
                {account ? (
                  <button type="button" onClick={() => run(async () => open(await duplicateWorkshop(workshop.id)))}>
                    {t("home.openDemo")}
                  </button>
                ) : (
                  <span className="muted">{t("home.signInForDemo")}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {account && (
        <section aria-labelledby="list-heading" className="panel">
          <div className="row">
            <h2 id="list-heading" className="grow">
              {showArchived ? t("home.archived") : t("home.workshops")}
            </h2>
            <button type="button" className="secondary" onClick={() => setShowArchived(!showArchived)}>
              {showArchived ? t("home.showActive") : t("home.showArchived")}
            </button>
          </div>
          {workshops === undefined ? (
            <p>{t("common.loading")}</p>
          ) : mine.length === 0 ? (
            <p>{t("home.none")}</p>
          ) : (
            <ul className="workshop-list">
              {mine.map((workshop) => (
                <li key={workshop.id} className="row">
                  <span className="grow">
                    <a href={`/w/${encodeURIComponent(workshop.id)}`}>
                      <bdi>{workshop.title}</bdi>
                    </a>
                    <span className="muted">
                      {" "}
                      · {t("home.updated", { when: formatDateTime(workshop.updatedAt, i18n.language) })}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => run(async () => open(await duplicateWorkshop(workshop.id)))}
                  >
                    {t("home.duplicate")}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => run(async () => archiveWorkshop(workshop.id, !showArchived).then(refresh))}
                  >
                    {showArchived ? t("home.restore") : t("home.archive")}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}
