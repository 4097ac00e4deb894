import { createContext } from "react";

/**
 * The card the board is about to give focus to (one moved from its menu, or merged into), if any. A long list
 * renders that card wherever it is, in sight or not, so that the board finds it to focus it: the
 * browser then scrolls it into view. Otherwise a card moved to the end of a long column, or into a
 * lane scrolled out of sight, has no element, and the keyboard user's focus falls to the page.
 */
export const FocusRequestContext = createContext<string | undefined>(undefined);
