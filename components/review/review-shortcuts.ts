/**
 * Keyboard shortcuts of the review work page: single keys without modifiers, so a reviewer can
 * work through the queue with one hand. They are off while focus is in a text field, because
 * there the same keys type text.
 */

export type ReviewShortcutAction =
  | { kind: "pass" }
  | { kind: "fail" }
  | { kind: "skip" }
  | { kind: "next" }
  | { kind: "toggle-label"; index: number }
  | { kind: "focus-comment" }
  | { kind: "toggle-help" }
  | { kind: "close-help" };

export interface ReviewShortcut {
  /** The keys as shown in the help, e.g. `p` or `1–6`. */
  keys: string;
  description: string;
}

/** Number of label toggles on the digit keys 1 to 6. */
export const LABEL_SHORTCUT_COUNT = 6;

/** The shortcut list shown by `?`, in the order a reviewer uses them. */
export const REVIEW_SHORTCUTS: ReviewShortcut[] = [
  { keys: "p", description: "Pass the item" },
  { keys: "f", description: "Fail the item" },
  { keys: "s", description: "Skip the item and release it for others" },
  { keys: "n", description: "Next item (after a verdict)" },
  { keys: `1–${LABEL_SHORTCUT_COUNT}`, description: "Toggle a label" },
  { keys: "c", description: "Write a comment" },
  { keys: "Esc", description: "Leave a text field, close this help" },
  { keys: "?", description: "Show or hide the shortcuts" },
];

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface ShortcutKeyEvent {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** Whether focus is in a place that takes typed text (see isTextEntryElement). */
  isTyping: boolean;
  /** Set by the browser while an input method composes a character. */
  isComposing?: boolean;
}

const LETTER_ACTIONS: Record<string, ReviewShortcutAction> = {
  p: { kind: "pass" },
  f: { kind: "fail" },
  s: { kind: "skip" },
  n: { kind: "next" },
  c: { kind: "focus-comment" },
  "?": { kind: "toggle-help" },
};

/**
 * Maps a key press to a review action. Returns null when the key is no shortcut here: while
 * typing, during composition, or with Ctrl, Alt or Meta held (browser and system shortcuts).
 * Shift alone is allowed because `?` needs it on most layouts, so `P` counts as `p`.
 */
export function getReviewShortcutAction(event: ShortcutKeyEvent): ReviewShortcutAction | null {
  if (event.isTyping || event.isComposing) return null;
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (event.key === "Escape") return { kind: "close-help" };
  const digit = Number(event.key);
  if (event.key.length === 1 && Number.isInteger(digit)) {
    return digit >= 1 && digit <= LABEL_SHORTCUT_COUNT
      ? { kind: "toggle-label", index: digit - 1 }
      : null;
  }
  return LETTER_ACTIONS[event.key.length === 1 ? event.key.toLowerCase() : event.key] ?? null;
}

const NON_TEXT_INPUT_TYPES = new Set([
  "button",
  "checkbox",
  "radio",
  "submit",
  "reset",
  "range",
  "color",
  "file",
  "image",
]);

/** The fields of an element that decide whether it takes typed text. */
export interface FocusedElementInfo {
  tagName: string;
  /** The `type` of an input element. */
  type?: string;
  isContentEditable?: boolean;
  /** The element's ARIA role, e.g. `textbox` or `combobox`. */
  role?: string | null;
}

/**
 * Checks whether typed characters go into the element: text inputs, text areas, selects (which
 * jump to an option by letter), editable content and ARIA text boxes. Checkboxes and buttons
 * take no text, so shortcuts keep working after clicking a label toggle.
 */
export function isTextEntryElement(element: FocusedElementInfo | null): boolean {
  if (!element) return false;
  const tag = element.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return !NON_TEXT_INPUT_TYPES.has((element.type ?? "text").toLowerCase());
  if (element.isContentEditable) return true;
  return element.role === "textbox" || element.role === "combobox";
}
