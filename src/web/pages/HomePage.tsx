import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { createWorkshop, importWorkshop, listWorkshops, type WorkshopListItem } from "../api.js";
import { rememberFacilitatorKey } from "../live/identity.js";

/** The facilitator's list of workshops, with create and import. */
export function HomePage() {
  const { t } = useTranslation();
  const [workshops, setWorkshops] = useState<WorkshopListItem[]>();
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string>();

  useEffect(() => {
    listWorkshops().then(setWorkshops, (reason: Error) => setError(reason.message));
  }, []);

  const open = (created: { id: string; facilitatorKey: string }) => {
    rememberFacilitatorKey(created.id, created.facilitatorKey);
    window.location.assign(`/w/${encodeURIComponent(created.id)}`);
  };

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      open(await createWorkshop(title, "en"));
    } catch (reason) {
      setError((reason as Error).message);
    }
  };

  const handleImport = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    try {
      open(await importWorkshop(JSON.parse(await file.text())));
    } catch (reason) {
      setError((reason as Error).message);
    }
  };

  return (
    <main className="page">
      <header className="masthead">
        <h1>{t("app.name")}</h1>
        <p>{t("app.tagline")}</p>
      </header>
      <section aria-labelledby="new-heading" className="panel">
        <h2 id="new-heading">{t("home.newWorkshop")}</h2>
        <form onSubmit={handleCreate} className="row">
          <label className="grow">
            {t("home.title")}
            <input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={500} />
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
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </section>
      <section aria-labelledby="list-heading" className="panel">
        <h2 id="list-heading">{t("home.workshops")}</h2>
        {workshops === undefined ? (
          <p>{t("common.loading")}</p>
        ) : workshops.length === 0 ? (
          <p>{t("home.none")}</p>
        ) : (
          <ul className="workshop-list">
            {workshops.map((workshop) => (
              <li key={workshop.id}>
                <a href={`/w/${encodeURIComponent(workshop.id)}`}>{workshop.title}</a>
                <span className="muted">
                  {" "}
                  · {t("home.updated", { when: new Date(workshop.updatedAt).toLocaleString() })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
