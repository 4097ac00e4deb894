import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BallotSummary, InviteeView, IssuedInvitee, TallyMethod } from "../../core/index.js";
import { addInvitees, ballotDetail, changeBallot, listBallots, openBallot, revokeInvitee } from "../api.js";
import { copyText } from "../clipboard.js";
import { requestProblem } from "../problems.js";
import { linksCsvUrl } from "./linksCsv.js";
import { METHOD_LABELS } from "./methodLabels.js";
import "./ballots.css";

/**
 * The console's ballot panel: open a ballot on the workshop's themes for a wider audience over
 * days, paste invitees (CSV name,email,group), copy or download their links (shown once: the
 * server keeps only hashes), revoke a link, close or reopen, and open the results.
 */
export function BallotPanel({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [ballots, setBallots] = useState<BallotSummary[]>([]);
  const [problem, setProblem] = useState<string>();
  const [method, setMethod] = useState<TallyMethod>("borda");
  const [closesAt, setClosesAt] = useState("");

  const reload = useCallback(
    () => listBallots(workshopId).then(setBallots, (error: unknown) => setProblem(requestProblem(t, error))),
    [workshopId, t],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const handleOpen = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    try {
      await openBallot(workshopId, { method, ...(closesAt ? { closesAt: new Date(closesAt).toISOString() } : {}) });
      await reload();
    } catch (error) {
      setProblem(requestProblem(t, error));
    }
  };

  return (
    <section className="panel ballot-panel" aria-labelledby="ballot-panel-title" data-testid="ballot-panel">
      <h2 id="ballot-panel-title">{t("ballots.panel.title")}</h2>
      <form className="row" onSubmit={(event) => void handleOpen(event)}>
        <label className="grow">
          {t("ballots.panel.method")}
          <select value={method} onChange={(event) => setMethod(event.target.value as TallyMethod)}>
            {(Object.keys(METHOD_LABELS) as TallyMethod[]).map((key) => (
              <option key={key} value={key}>
                {t(METHOD_LABELS[key])}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          {t("ballots.panel.closesAt")}
          <input type="datetime-local" value={closesAt} onChange={(event) => setClosesAt(event.target.value)} />
        </label>
        <button type="submit" data-testid="open-ballot">
          {t("ballots.panel.open")}
        </button>
      </form>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {ballots.map((ballot) => (
        <BallotItem key={ballot.id} workshopId={workshopId} ballot={ballot} onChanged={() => void reload()} />
      ))}
    </section>
  );
}

function BallotItem({
  workshopId,
  ballot,
  onChanged,
}: {
  workshopId: string;
  ballot: BallotSummary;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState("");
  const [issued, setIssued] = useState<IssuedInvitee[]>([]);
  const [emailed, setEmailed] = useState(0);
  const [invitees, setInvitees] = useState<InviteeView[]>([]);
  const [problem, setProblem] = useState<string>();
  const [copied, setCopied] = useState(false);

  const loadInvitees = useCallback(
    () => ballotDetail(workshopId, ballot.id).then((detail) => setInvitees(detail.invitees)),
    [workshopId, ballot.id],
  );
  useEffect(() => {
    void loadInvitees().catch(() => undefined);
  }, [loadInvitees]);

  const act = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
      onChanged();
      await loadInvitees();
    } catch (error) {
      setProblem(requestProblem(t, error));
    }
  };

  const handleInvite = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      const added = await addInvitees(workshopId, ballot.id, csv);
      setIssued(added.invitees);
      setEmailed(added.emailed);
      setCsv("");
    });
  };

  const handleCopyShare = async () => setCopied(await copyText(ballot.shareUrl));
  const open = ballot.status === "open";

  return (
    <article className="ballot-item" data-testid="ballot-item">
      <h3>
        {t(METHOD_LABELS[ballot.method])} ·{" "}
        <span data-testid="ballot-status">{open ? t("ballots.panel.isOpen") : t("ballots.panel.isClosed")}</span>
      </h3>
      <p>{t("ballots.panel.turnout", { voted: ballot.voted, invited: ballot.invited })}</p>
      <div className="row">
        <a className="button secondary" href={`/w/${encodeURIComponent(workshopId)}/ballots/${ballot.id}`}>
          {t("ballots.panel.results")}
        </a>
        <button
          type="button"
          className={open ? "danger" : "secondary"}
          data-testid="toggle-ballot"
          onClick={() => void act(() => changeBallot(workshopId, ballot.id, { status: open ? "closed" : "open" }))}
        >
          {open ? t("ballots.panel.close") : t("ballots.panel.reopen")}
        </button>
      </div>
      <p>
        {t("ballots.panel.shareLink")} <code data-testid="share-link">{ballot.shareUrl}</code>{" "}
        <button type="button" className="secondary" onClick={() => void handleCopyShare()}>
          {copied ? t("ballots.panel.copied") : t("ballots.panel.copy")}
        </button>
      </p>
      <form onSubmit={handleInvite}>
        <label htmlFor={`invitees-${ballot.id}`}>{t("ballots.panel.paste")}</label>
        <textarea
          id={`invitees-${ballot.id}`}
          rows={4}
          placeholder={"name,email,group\nAnn Lee,ann@example.org,Members"}
          value={csv}
          onChange={(event) => setCsv(event.target.value)}
        />
        <button type="submit" disabled={!csv.trim()} data-testid="add-invitees">
          {t("ballots.panel.invite")}
        </button>
      </form>
      {issued.length > 0 && (
        <div role="status">
          <p>{t("ballots.panel.issued", { count: issued.length, emailed })}</p>
          <a className="button" href={linksCsvUrl(issued)} download="ballot-links.csv" data-testid="download-links">
            {t("ballots.panel.download")}
          </a>
        </div>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {invitees.length > 0 && (
        <ul aria-label={t("ballots.panel.invitees")}>
          {invitees.map((invitee) => (
            <li key={invitee.id}>
              {invitee.name} ({invitee.group}) ·{" "}
              {invitee.revoked
                ? t("ballots.panel.revoked")
                : invitee.voted
                  ? t("ballots.panel.voted")
                  : t("ballots.panel.notVoted")}
              {!invitee.revoked && (
                <button
                  type="button"
                  className="secondary"
                  aria-label={t("ballots.panel.revokeOf", { name: invitee.name })}
                  onClick={() => void act(() => revokeInvitee(workshopId, ballot.id, invitee.id))}
                >
                  {t("ballots.panel.revoke")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
