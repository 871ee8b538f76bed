"use client";

import { createContext, useContext, type ReactNode } from "react";

export interface CurrentUser {
  email: string;
  name: string | null;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

/** Makes the signed-in user readable below it, e.g. to mark "You" in member lists. */
export function CurrentUserProvider({
  user,
  children,
}: {
  user: CurrentUser;
  children: ReactNode;
}) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

/** Returns the signed-in user of the page; throws outside a signed-in page frame. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser is only available inside a signed-in page");
  return user;
}
