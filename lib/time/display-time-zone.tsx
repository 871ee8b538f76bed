"use client";

import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { getRuntimeTimeZone, UTC_TIME_ZONE } from "./zones";

/** "browser": the viewer's own zone; "utc": UTC, e.g. to reconcile with a provider's invoice. */
export type TimeZonePreference = "browser" | "utc";

export const TIME_ZONE_STORAGE_KEY = "driftwatch.displayTimeZone";

export interface DisplayTimeZone {
  /** The IANA zone every chart bucket and table timestamp is shown in. */
  timeZone: string;
  preference: TimeZonePreference;
  browserTimeZone: string;
  setPreference: (preference: TimeZonePreference) => void;
  /**
   * False during server rendering and hydration, when the browser's zone is not known yet and
   * `timeZone` is UTC. Queries that depend on the zone wait for true.
   */
  isResolved: boolean;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readPreference(): TimeZonePreference {
  try {
    return window.localStorage.getItem(TIME_ZONE_STORAGE_KEY) === "utc" ? "utc" : "browser";
  } catch {
    return "browser";
  }
}

function writePreference(preference: TimeZonePreference): void {
  try {
    window.localStorage.setItem(TIME_ZONE_STORAGE_KEY, preference);
  } catch {
    // Storage can be disabled (private mode, policy); the choice then lasts for this page only.
  }
  for (const listener of listeners) listener();
}

// The snapshot is "<preference>|<zone>" so one string comparison detects any change.
function getClientSnapshot(): string {
  return `${readPreference()}|${getRuntimeTimeZone()}`;
}

function getServerSnapshot(): string {
  return "";
}

const DisplayTimeZoneContext = createContext<DisplayTimeZone | null>(null);

export function DisplayTimeZoneProvider({ children }: { children: ReactNode }) {
  const snapshot = useSyncExternalStore(subscribe, getClientSnapshot, getServerSnapshot);
  const value = useMemo<DisplayTimeZone>(() => {
    if (snapshot === "") {
      return {
        timeZone: UTC_TIME_ZONE,
        preference: "browser",
        browserTimeZone: UTC_TIME_ZONE,
        setPreference: writePreference,
        isResolved: false,
      };
    }
    const [preference, browserTimeZone = UTC_TIME_ZONE] = snapshot.split("|");
    const isUtc = preference === "utc";
    return {
      timeZone: isUtc ? UTC_TIME_ZONE : browserTimeZone,
      preference: isUtc ? "utc" : "browser",
      browserTimeZone,
      setPreference: writePreference,
      isResolved: true,
    };
  }, [snapshot]);
  return <DisplayTimeZoneContext value={value}>{children}</DisplayTimeZoneContext>;
}

/**
 * The zone the viewer chose for charts and tables (their browser's zone unless they switched to
 * UTC in the top bar). Every timestamp on a page goes through it, so a table and a chart beside
 * it never disagree about which day a row belongs to.
 */
export function useDisplayTimeZone(): DisplayTimeZone {
  const context = useContext(DisplayTimeZoneContext);
  if (!context) {
    throw new Error("useDisplayTimeZone must be used inside <DisplayTimeZoneProvider>");
  }
  return context;
}
