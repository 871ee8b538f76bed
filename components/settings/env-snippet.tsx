"use client";

import { CopyButton } from "./copy-button";
import { useOrigin } from "./use-origin";

/**
 * Returns environment variables that point the Langfuse SDKs at this server: the JavaScript
 * SDK v3 reads LANGFUSE_BASEURL and the Python SDK reads LANGFUSE_HOST.
 */
export function buildEnvSnippet(keys: { publicKey: string; secretKey: string }, origin: string) {
  return [
    `LANGFUSE_PUBLIC_KEY=${keys.publicKey}`,
    `LANGFUSE_SECRET_KEY=${keys.secretKey}`,
    `LANGFUSE_BASEURL=${origin}`,
    `LANGFUSE_HOST=${origin}`,
  ].join("\n");
}

/** Renders the ready-to-paste environment of a new key pair with a copy button. */
export function EnvSnippet({ keys }: { keys: { publicKey: string; secretKey: string } }) {
  const snippet = buildEnvSnippet(keys, useOrigin());
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between">
        <span className="text-xs font-medium text-muted-foreground">Environment (.env)</span>
        <CopyButton value={snippet} label="Copy environment" />
      </div>
      <pre className="rounded-md border bg-muted/50 px-3 py-2 font-mono text-xs leading-5 break-all whitespace-pre-wrap">
        {snippet}
      </pre>
    </div>
  );
}
