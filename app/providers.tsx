"use client";

import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/lib/trpc/react";

/** Client-side providers for every page; the root layout wraps its body in this. */
export function Providers({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
