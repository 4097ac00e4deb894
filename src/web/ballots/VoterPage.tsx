import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BallotVote, VoterBallot } from "../../core/index.js";
import { ApiError, castVote, voterBallot } from "../api.js";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import { UserMessage } from "../components/UserMessage.js";
import { formatDateTime } from "../format.js";
import { DotsVote } from "./DotsVote.js";
import { RankingVote } from "./RankingVote.js";
import { RatingVote } from "./RatingVote.js";
import "./ballots.css";

type Kind = "personal" | "share";

/** What the voter has chosen so far, in every method's shape: only the ballot's own is sent. */
interface Draft {
  ranking: string[];
  dots: Record<string, number>;
  ratings: Record<string, number>;
}

function draftOf(ballot: VoterBallot): Draft {
  const vote = ballot.vote;
  const ids = ballot.options.map((option) => option.id);
  const ranked = vote && "ranking" in vote ? vote.ranking : [];
  return {
    // A ranking already cast comes first, the themes it left out after it, in the ballot's order.
    ranking: [...ranked, ...ids.filter((id) => !ranked.includes(id))],
    dots: vote && "dots" in vote ? vote.dots : {},
    ratings: vote && "ratings" in vote ? vote.ratings : {},
  };
}

function voteOf(ballot: VoterBallot, draft: Draft): BallotVote {
  switch (ballot.method) {
    case "borda":
    case "irv":
      return { ranking: draft.ranking };
    case "dots":
      return { dots: Object.fromEntries(Object.entries(draft.dots).filter(([, count]) => count > 0)) };
    case "rating":
      return { ratings: draft.ratings };
  }
}

/**
 * The voter's page of a prioritization ballot, `/ballot/:token` (a personal link) or
 * `/ballot/share/:token` (the shareable link, which asks the voter's group). Made for a phone at
 * the laptop's plain-HTTP address: no API that needs a secure context, every control a button,
 * radio or field that keys reach.
 */
export function VoterPage({ kind, token }: { kind: Kind; token: string }) {
  const { t, i18n } = useTranslation();
  const [ballot, setBallot] = useState<VoterBallot>();
  const [draft, setDraft] = useState<Draft>();
  const [group, setGroup] = useState("");
  const [problem, setProblem] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const problemOf = (error: unknown) => {
    if (!(error instanceof ApiError)) return t("problems.offline");
    if (error.status === 404) return t("ballots.voter.notFound");
    if (error.status === 403)
      return error.message.includes("revoked") ? t("ballots.voter.revoked") : t("ballots.voter.closed");
    if (error.status === 429) return t("problems.tooManyTries");
    return t("ballots.voter.invalid", { message: error.message });
  };

  // Loaded once per link, and the page takes the workshop's language then; the voter may switch after.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a language switch must not load the ballot again
  useEffect(() => {
    voterBallot(kind, token).then(
      (loaded) => {
        setBallot(loaded);
        setDraft(draftOf(loaded));
        setGroup(loaded.group ?? "");
        if (loaded.vote) setSaved(true);
        if (i18n.resolvedLanguage !== loaded.language) void i18n.changeLanguage(loaded.language);
      },
      (error: unknown) => setProblem(problemOf(error)),
    );
  }, [kind, token]);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ballot || !draft) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const answered = await castVote(kind, token, voteOf(ballot, draft), group.trim() || undefined);
      setBallot(answered);
      setSaved(true);
    } catch (error) {
      setSaved(false);
      setProblem(problemOf(error));
    }
    setBusy(false);
  };

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => current && { ...current, ...patch });
    setSaved(false);
  };

  return (
    <main className="page ballot-page">
      <header className="ballot-header">
        <p className="ballot-kicker">{t("ballots.voter.kicker")}</p>
        <LanguageSwitch />
      </header>
      {!ballot && !problem && <p>{t("common.loading")}</p>}
      {ballot && draft && (
        <form onSubmit={(event) => void handleSubmit(event)} aria-describedby="ballot-how">
          <h1 dir="auto">{ballot.title}</h1>
          {ballot.name && (
            <p>
              <UserMessage id="ballots.voter.hello" values={{ name: ballot.name }} />
            </p>
          )}
          <p id="ballot-how">
            {ballot.method === "dots"
              ? t("ballots.voter.howDots", { count: ballot.settings.dotBudget })
              : ballot.method === "rating"
                ? t("ballots.voter.howRating")
                : t("ballots.voter.howRanking")}
          </p>
          {ballot.closesAt && (
            <p>
              {t("ballots.voter.closesAt", { when: formatDateTime(ballot.closesAt, i18n.resolvedLanguage ?? "en") })}
            </p>
          )}
          {ballot.status === "closed" ? (
            <p role="status" className="ballot-closed" data-testid="ballot-closed">
              {t("ballots.voter.closed")}
            </p>
          ) : (
            <>
              {kind === "share" && (
                <div className="field">
                  <label htmlFor="ballot-group">{t("ballots.voter.group")}</label>
                  <input
                    id="ballot-group"
                    list="ballot-groups"
                    required
                    autoComplete="organization-title"
                    value={group}
                    onChange={(event) => setGroup(event.target.value)}
                  />
                  <datalist id="ballot-groups">
                    {ballot.groups.map((name) => (
                      <option key={name} value={name} />
                    ))}
                  </datalist>
                </div>
              )}
              {ballot.method === "dots" ? (
                <DotsVote
                  options={ballot.options}
                  settings={ballot.settings}
                  dots={draft.dots}
                  onChange={(dots) => change({ dots })}
                />
              ) : ballot.method === "rating" ? (
                <RatingVote
                  options={ballot.options}
                  ratings={draft.ratings}
                  onChange={(ratings) => change({ ratings })}
                />
              ) : (
                <RankingVote
                  options={ballot.options}
                  ranking={draft.ranking}
                  onChange={(ranking) => change({ ranking })}
                />
              )}
              <button type="submit" className="primary" disabled={busy} data-testid="cast-vote">
                {ballot.vote ? t("ballots.voter.update") : t("ballots.voter.submit")}
              </button>
            </>
          )}
          {saved && ballot.status === "open" && (
            <p role="status" className="ballot-saved" data-testid="vote-saved">
              {t("ballots.voter.saved")}
            </p>
          )}
        </form>
      )}
      {problem && (
        <p role="alert" className="error" data-testid="ballot-problem">
          {problem}
        </p>
      )}
    </main>
  );
}
