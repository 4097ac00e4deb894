import { type FormEvent, useEffect, useState } from "react";
import { createWorkshop, importWorkshop, listWorkshops, type WorkshopListItem } from "../api.js";
import { rememberFacilitatorKey } from "../live/identity.js";

/** The facilitator's list of workshops, with create and import. */
export function HomePage() {
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
        <h1>Concord</h1>
        <p>Consensus workshops, live, and their session capture.</p>
      </header>
      <section aria-labelledby="new-heading" className="panel">
        <h2 id="new-heading">New workshop</h2>
        <form onSubmit={handleCreate} className="row">
          <label className="grow">
            Title
            <input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={500} />
          </label>
          <button type="submit">Create</button>
        </form>
        <label className="file">
          Import a workshop/v1 file
          <input type="file" accept="application/json,.json" onChange={(event) => handleImport(event.target.files?.[0])} />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </section>
      <section aria-labelledby="list-heading" className="panel">
        <h2 id="list-heading">Workshops</h2>
        {workshops === undefined ? (
          <p>Loading…</p>
        ) : workshops.length === 0 ? (
          <p>No workshops yet.</p>
        ) : (
          <ul className="workshop-list">
            {workshops.map((workshop) => (
              <li key={workshop.id}>
                <a href={`/w/${encodeURIComponent(workshop.id)}`}>{workshop.title}</a>
                <span className="muted"> · updated {new Date(workshop.updatedAt).toLocaleString()}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
