import type { Actor, Command, WorkshopState } from "../../core/index.js";
import { BoardView } from "../board/BoardView.js";

/** True when the wall has something to show: an empty board on a phone is only noise. */
export function boardHasCards(state: WorkshopState): boolean {
  return state.unclustered.length > 0 || state.themes.length > 0;
}

/** The shared board as a participant sees it; it lets them move cards only when the facilitator allows. */
export function ParticipantBoard(props: { state: WorkshopState; actor: Actor; send: (command: Command) => void }) {
  return (
    <div className="participant-board">
      <BoardView state={props.state} actor={props.actor} send={props.send} variant="participant" />
    </div>
  );
}
