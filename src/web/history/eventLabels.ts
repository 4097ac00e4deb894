import { useTranslation } from "react-i18next";
import type { DomainEventType } from "../../core/index.js";

/** Every event type (a record, so that a new event type fails to compile until it has a label). */
const LABELLED: Record<DomainEventType, true> = {
  workshopCreated: true,
  contextUpdated: true,
  settingsUpdated: true,
  phaseChanged: true,
  instructionSet: true,
  participantJoined: true,
  cardAdded: true,
  cardEdited: true,
  cardRemoved: true,
  cardMoved: true,
  cardsMerged: true,
  tableAdded: true,
  tableRemoved: true,
  roundStarted: true,
  roundRevealed: true,
  tableCardsSubmitted: true,
  timerStarted: true,
  timerStopped: true,
  themeCreated: true,
  themeDeleted: true,
  themeMoved: true,
  themesMerged: true,
  themeNamed: true,
  keyPointsSet: true,
  headlineSet: true,
  narrativeSet: true,
  footnoteSet: true,
  footnoteRemoved: true,
  voteCast: true,
  votingOpened: true,
  votingClosed: true,
  resultsRevealed: true,
  nameProposed: true,
  nameProposalWithdrawn: true,
  themeSpotlighted: true,
  writerSet: true,
  themeRestored: true,
  joinCodeChanged: true,
  followUpStarted: true,
  undoApplied: true,
};

export const EVENT_TYPES = Object.keys(LABELLED) as DomainEventType[];

/** "Moving a card", "Merging two columns"…: what one event did, in the interface's language. */
export function useEventLabel(): (type: string) => string {
  const { t } = useTranslation();
  return (type) =>
    (EVENT_TYPES as readonly string[]).includes(type) ? t(`history.event.${type}`) : t("history.event.other");
}
