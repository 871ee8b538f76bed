import { describe, expect, it } from "vitest";
import {
  getReviewShortcutAction,
  isTextEntryElement,
  type ShortcutKeyEvent,
} from "./review-shortcuts";

function press(key: string, patch: Partial<ShortcutKeyEvent> = {}): ShortcutKeyEvent {
  return { key, altKey: false, ctrlKey: false, metaKey: false, isTyping: false, ...patch };
}

describe("getReviewShortcutAction", () => {
  it("maps the verdict and navigation letters", () => {
    expect(getReviewShortcutAction(press("p"))).toEqual({ kind: "pass" });
    expect(getReviewShortcutAction(press("f"))).toEqual({ kind: "fail" });
    expect(getReviewShortcutAction(press("s"))).toEqual({ kind: "skip" });
    expect(getReviewShortcutAction(press("n"))).toEqual({ kind: "next" });
    expect(getReviewShortcutAction(press("c"))).toEqual({ kind: "focus-comment" });
  });

  it("accepts upper-case letters as with caps lock", () => {
    expect(getReviewShortcutAction(press("P"))).toEqual({ kind: "pass" });
  });

  it("maps digits 1 to 6 to label indexes", () => {
    expect(getReviewShortcutAction(press("1"))).toEqual({ kind: "toggle-label", index: 0 });
    expect(getReviewShortcutAction(press("6"))).toEqual({ kind: "toggle-label", index: 5 });
  });

  it("ignores digits without a label", () => {
    expect(getReviewShortcutAction(press("0"))).toBeNull();
    expect(getReviewShortcutAction(press("7"))).toBeNull();
  });

  it("toggles help with question mark", () => {
    expect(getReviewShortcutAction(press("?"))).toEqual({ kind: "toggle-help" });
  });

  it("closes help with Escape", () => {
    expect(getReviewShortcutAction(press("Escape"))).toEqual({ kind: "close-help" });
  });

  it("ignores keys while typing", () => {
    expect(getReviewShortcutAction(press("p", { isTyping: true }))).toBeNull();
    expect(getReviewShortcutAction(press("1", { isTyping: true }))).toBeNull();
  });

  it("ignores keys with modifiers", () => {
    expect(getReviewShortcutAction(press("p", { ctrlKey: true }))).toBeNull();
    expect(getReviewShortcutAction(press("f", { metaKey: true }))).toBeNull();
    expect(getReviewShortcutAction(press("s", { altKey: true }))).toBeNull();
  });

  it("ignores keys during composition", () => {
    expect(getReviewShortcutAction(press("p", { isComposing: true }))).toBeNull();
  });

  it("ignores named keys that are not shortcuts", () => {
    expect(getReviewShortcutAction(press("Enter"))).toBeNull();
    expect(getReviewShortcutAction(press("Tab"))).toBeNull();
    expect(getReviewShortcutAction(press("x"))).toBeNull();
  });
});

describe("isTextEntryElement", () => {
  it("treats text inputs and text areas as typing", () => {
    expect(isTextEntryElement({ tagName: "INPUT", type: "text" })).toBe(true);
    expect(isTextEntryElement({ tagName: "INPUT", type: "search" })).toBe(true);
    expect(isTextEntryElement({ tagName: "input" })).toBe(true);
    expect(isTextEntryElement({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTextEntryElement({ tagName: "SELECT" })).toBe(true);
  });

  it("treats checkboxes and buttons as not typing", () => {
    expect(isTextEntryElement({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTextEntryElement({ tagName: "BUTTON" })).toBe(false);
    expect(isTextEntryElement({ tagName: "BODY" })).toBe(false);
    expect(isTextEntryElement(null)).toBe(false);
  });

  it("treats editable content and text roles as typing", () => {
    expect(isTextEntryElement({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTextEntryElement({ tagName: "DIV", role: "textbox" })).toBe(true);
    expect(isTextEntryElement({ tagName: "BUTTON", role: "combobox" })).toBe(true);
  });
});
