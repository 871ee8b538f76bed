"use client";

import { useEffect, useRef } from "react";
import {
  getReviewShortcutAction,
  isTextEntryElement,
  type ReviewShortcutAction,
} from "./review-shortcuts";

function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return isTextEntryElement({
    tagName: target.tagName,
    type: target instanceof HTMLInputElement ? target.type : undefined,
    isContentEditable: target.isContentEditable,
    role: target.getAttribute("role"),
  });
}

/**
 * Calls `onAction` for each review shortcut pressed anywhere on the page, and prevents the
 * key's default so `c` does not also type into the comment it focuses. Escape in a text field
 * moves focus out of it, which turns the shortcuts back on.
 */
export function useReviewShortcuts(onAction: (action: ReviewShortcutAction) => void) {
  const latestOnAction = useRef(onAction);
  useEffect(() => {
    latestOnAction.current = onAction;
  });

  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const isTyping = isTypingIn(event.target);
      if (isTyping && event.key === "Escape" && event.target instanceof HTMLElement) {
        event.target.blur();
        return;
      }
      const action = getReviewShortcutAction({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        isComposing: event.isComposing,
        isTyping,
      });
      if (!action) return;
      event.preventDefault();
      latestOnAction.current(action);
    };
    window.addEventListener("keydown", handleKeyDown);
    return () => window.removeEventListener("keydown", handleKeyDown);
  }, []);
}
