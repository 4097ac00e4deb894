import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BallotSummary, InviteeView, IssuedInvitee, TallyMethod } from "../../core/index.js";
import { addInvitees, ballotDetail, changeBallot, listBallots, openBallot, revokeInvitee } from "../api.js";
import { copyText } from "../clipboard.js";
import { formatDateTime } from "../format.js";
import { requestProblem } from "../problems.js";
import { linksCsvUrl } from "./linksCsv.js";
import { METHOD_LABELS } from "./methodLabels.js";
import { RESULTS_REFRESH_MS } from "./refresh.js";
import { turnoutText } from "./turnoutText.js";
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
  const [dotBudget, setDotBudget] = useState(5);
  const [maxPerTheme, setMaxPerTheme] = useState(3);

  const reload = useCallback(
    () => listBallots(workshopId).then(setBallots, (error: unknown) => setProblem(requestProblem(t, error))),
    [workshopId, t],
  );
  // Votes come in while the console is open: the turnout and who voted follow, as on the dashboard.
  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), RESULTS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const handleOpen = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    try {
      await openBallot(workshopId, {
        method,
        settings: { dotBudget, maxPerTheme },
        ...(closesAt ? { closesAt: new Date(closesAt).toISOString() } : {}),
      });
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
        {method === "dots" && (
          <>
            <label className="grow">
              {t("ballots.panel.dotBudget")}
              <input
                type="number"
                min={1}
                max={100}
                value={dotBudget}
                onChange={(event) => setDotBudget(Number(event.target.value))}
              />
            </label>
            <label className="grow">
              {t("ballots.panel.maxPerTheme")}
              <input
                type="number"
                min={1}
                max={100}
                value={maxPerTheme}
                onChange={(event) => setMaxPerTheme(Number(event.target.value))}
              />
            </label>
          </>
        )}
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
  const { t, i18n } = useTranslation();
  const [csv, setCsv] = useState("");
  const [issued, setIssued] = useState<IssuedInvitee[]>([]);
  const [emailed, setEmailed] = useState(0);
  const [invitees, setInvitees] = useState<InviteeView[]>([]);
  const [problem, setProblem] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [linksCopied, setLinksCopied] = useState(false);
  const [closing, setClosing] = useState("");

  const loadInvitees = useCallback(
    () => ballotDetail(workshopId, ballot.id).then((detail) => setInvitees(detail.invitees)),
    [workshopId, ballot.id],
  );
  // Again when the counts change, so that each invitee's "voted" follows the turnout above it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the counts are the signal to reload
  useEffect(() => {
    void loadInvitees().catch(() => undefined);
  }, [loadInvitees, ballot.voted, ballot.invited]);

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
  const handleCopyLinks = async () =>
    setLinksCopied(await copyText(issued.map((invitee) => `${invitee.name}\t${invitee.link}`).join("\n")));
  const handleClosing = (event: FormEvent) => {
    event.preventDefault();
    void act(() => changeBallot(workshopId, ballot.id, { closesAt: closing ? new Date(closing).toISOString() : null }));
  };
  const open = ballot.status === "open";

  return (
    <article className="ballot-item" data-testid="ballot-item">
      <h3>
        {t(METHOD_LABELS[ballot.method])} ·{" "}
        <span data-testid="ballot-status">{open ? t("ballots.panel.isOpen") : t("ballots.panel.isClosed")}</span>
      </h3>
      <p>{turnoutText(t, ballot)}</p>
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
      <form className="row" onSubmit={handleClosing}>
        <label className="grow">
          {ballot.closesAt
            ? t("ballots.panel.closesOn", { when: formatDateTime(ballot.closesAt, i18n.resolvedLanguage ?? "en") })
            : t("ballots.panel.closesAt")}
          <input type="datetime-local" value={closing} onChange={(event) => setClosing(event.target.value)} />
        </label>
        {/* With no time typed, the button removes the one set; with none set either, it has nothing to do. */}
        <button
          type="submit"
          className="secondary"
          disabled={!closing && !ballot.closesAt}
          data-testid="ballot-closing"
        >
          {closing || !ballot.closesAt ? t("ballots.panel.setClosing") : t("ballots.panel.clearClosing")}
        </button>
      </form>
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
          <div className="row">
            <a className="button" href={linksCsvUrl(issued)} download="ballot-links.csv" data-testid="download-links">
              {t("ballots.panel.download")}
            </a>
            <button type="button" className="secondary" onClick={() => void handleCopyLinks()}>
              {linksCopied ? t("ballots.panel.copied") : t("ballots.panel.copyLinks")}
            </button>
          </div>
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
              <bdi>{invitee.name}</bdi> (<bdi>{invitee.group}</bdi>) ·{" "}
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
