import type { Actor, Command, PeerFocusMessage, Phase, WorkshopState } from "../../core/index.js";
import type { LiveClient } from "../live/liveClient.js";
import { ProposeName } from "../naming/ProposeName.js";
import { ParticipantResolve } from "../resolve/ParticipantResolve.js";
import { ThemeStatements } from "../resolve/ThemeStatements.js";
import { DotVote } from "../voting/DotVote.js";

/** The phases from naming on, where a phone has its own part to play. */
export function hasLaterPhase(phase: Phase): boolean {
  return phase === "name" || phase === "resolve" || phase === "prioritize" || phase === "capture";
}

/** A phone from naming on: propose names, co-write if invited, vote, see the results. */
export function LaterPhasePanel(props: {
  state: WorkshopState;
  actor: Actor;
  send: (command: Command) => void;
  client: LiveClient;
  peers: readonly PeerFocusMessage[];
}) {
  const { state, actor, send, client } = props;
  switch (state.phase) {
    case "name":
      // The column on screen, with its cards, is what a phone needs to propose a name: not the whole wall.
      return <ProposeName state={state} actor={actor} send={send} />;
    case "resolve":
      return <ParticipantResolve state={state} actor={actor} client={client} peers={props.peers} />;
    case "prioritize":
      return <DotVote state={state} actor={actor} client={client} />;
    case "capture":
      // Revealed results are at the top of the phone's screen (ParticipantView).
      return <ThemeStatements state={state} variant="phone" />;
    default:
      return null;
  }
}
