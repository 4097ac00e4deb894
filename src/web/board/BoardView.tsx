import type { ReactNode } from "react";
import type { Actor, Card, Command, WorkshopState } from "../../core/index.js";
import { Board, type BoardVariant } from "./Board.js";

const NOBODY: Actor = { role: "participant", id: "" };
const ignore = () => {};

/**
 * The cluster board as each screen shows it: the participant's by default, and read-only (the
 * projector's) without an actor and a `send`.
 */
export function BoardView(props: {
  state: WorkshopState;
  actor?: Actor;
  send?: (command: Command) => void;
  variant?: BoardVariant;
  cardExtra?: ((card: Card) => ReactNode) | undefined;
  toolbarExtra?: ReactNode;
  fitToWindow?: boolean;
}) {
  const readOnly = !props.actor || !props.send;
  return (
    <Board
      state={props.state}
      actor={props.actor ?? NOBODY}
      send={props.send ?? ignore}
      variant={readOnly ? "projector" : (props.variant ?? "participant")}
      cardExtra={readOnly ? undefined : props.cardExtra}
      toolbarExtra={readOnly ? undefined : props.toolbarExtra}
      fitToWindow={props.fitToWindow}
    />
  );
}
