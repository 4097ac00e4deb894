import type { ReactNode } from "react";
import type { Actor, Card, Command, WorkshopState } from "../../core/index.js";
import { type BoardVariant, Board as ClusterBoard } from "../board/Board.js";

export type { BoardProps, BoardVariant } from "../board/Board.js";

const NOBODY: Actor = { role: "participant", id: "" };
const ignore = () => {};

/**
 * The cluster board (src/web/board), kept at this path for existing imports. Without an actor
 * and a `send` it is shown read-only.
 */
export function Board(props: {
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
    <ClusterBoard
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
