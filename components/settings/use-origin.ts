"use client";

import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => undefined;

/** Returns the address the browser reached the app at; during server rendering a placeholder. */
export function useOrigin(): string {
  return useSyncExternalStore(
    subscribeToNothing,
    () => window.location.origin,
    () => "http://localhost:3000",
  );
}
