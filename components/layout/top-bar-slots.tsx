"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

interface TopBarSlots {
  titleTarget: HTMLElement | null;
  actionsTarget: HTMLElement | null;
  setTitleTarget: (element: HTMLElement | null) => void;
  setActionsTarget: (element: HTMLElement | null) => void;
}

const TopBarSlotsContext = createContext<TopBarSlots | null>(null);

export function TopBarSlotsProvider({ children }: { children: ReactNode }) {
  const [titleTarget, setTitleTarget] = useState<HTMLElement | null>(null);
  const [actionsTarget, setActionsTarget] = useState<HTMLElement | null>(null);
  return (
    <TopBarSlotsContext value={{ titleTarget, actionsTarget, setTitleTarget, setActionsTarget }}>
      {children}
    </TopBarSlotsContext>
  );
}

export function useTopBarSlots(): TopBarSlots {
  const slots = useContext(TopBarSlotsContext);
  if (!slots) throw new Error("Top bar slots are only available inside the project shell");
  return slots;
}

/**
 * Shows its children in the top bar after the section name, e.g. a trace id on a trace page.
 * Render it anywhere in a page under /project/[projectId].
 */
export function TopBarTitle({ children }: { children: ReactNode }) {
  const { titleTarget } = useTopBarSlots();
  return titleTarget ? createPortal(children, titleTarget) : null;
}

/** Shows its children on the right of the top bar, before the time zone selector. */
export function TopBarActions({ children }: { children: ReactNode }) {
  const { actionsTarget } = useTopBarSlots();
  return actionsTarget ? createPortal(children, actionsTarget) : null;
}
