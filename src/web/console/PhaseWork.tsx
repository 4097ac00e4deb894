import type { Actor, Command, PeerFocusMessage, Phase, WorkshopState } from "../../core/index.js";
import { BoardView } from "../board/BoardView.js";
import type { LiveClient } from "../live/liveClient.js";
import { NamePanel } from "../naming/NamePanel.js";
import { ReflectionsPanel } from "../resolve/ReflectionsPanel.js";
import { ResolvePanel } from "../resolve/ResolvePanel.js";
import { ThemeStatements } from "../resolve/ThemeStatements.js";
import { WritersPanel } from "../resolve/WritersPanel.js";
import { ResultsChart } from "../voting/ResultsChart.js";
import { ShowOfHands } from "../voting/ShowOfHands.js";
import { VotingPanel } from "../voting/VotingPanel.js";

/** The phases from naming on, whose work has its own panels in the console. */
export function hasPhaseWork(phase: Phase): boolean {
  return phase === "name" || phase === "resolve" || phase === "prioritize" || phase === "capture";
}

interface PhaseProps {
  state: WorkshopState;
  actor: Actor;
  send: (command: Command) => void;
  client: LiveClient;
  peers: readonly PeerFocusMessage[];
  /** Participants connected now (presence), for the vote's "ballots: N of M people present". */
  present: number;
}

/** The console's main area from naming on: name the columns, resolve, vote, look back. */
export function PhaseWork({ state, actor, send, client, peers, present }: PhaseProps) {
  switch (state.phase) {
    case "name":
      return (
        <>
          <NamePanel state={state} send={send} />
          <BoardView state={state} actor={actor} send={send} variant="console" />
        </>
      );
    case "resolve":
      return <ResolvePanel state={state} actor={actor} client={client} peers={peers} send={send} />;
    case "prioritize":
      return <VotingPanel state={state} send={send} present={present} />;
    case "capture":
      return (
        <>
          {state.voting.revealed && state.votes.length > 0 && <ResultsChart state={state} variant="console" />}
          <ThemeStatements state={state} variant="console" />
        </>
      );
    default:
      return null;
  }
}

/** The console's side panels from naming on: who may write, a show of hands, reflections. */
export function PhaseSide({ state, send }: Pick<PhaseProps, "state" | "send">) {
  const { phase } = state;
  return (
    <>
      {phase === "resolve" && <WritersPanel state={state} send={send} />}
      {phase === "prioritize" && <ShowOfHands state={state} send={send} />}
      {(phase === "resolve" || phase === "prioritize" || phase === "capture") && (
        <ReflectionsPanel
          key={`${state.context.reflections}\n${state.context.nextSteps}`}
          context={state.context}
          send={send}
        />
      )}
    </>
  );
}
