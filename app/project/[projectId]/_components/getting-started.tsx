"use client";

import { Send } from "lucide-react";
import { useSyncExternalStore } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const subscribeToNothing = () => () => undefined;

function useOrigin(): string {
  return useSyncExternalStore(
    subscribeToNothing,
    () => window.location.origin,
    () => "http://localhost:3000",
  );
}

function CodeBlock({ label, code }: { label: string; code: string }) {
  return (
    <div className="min-w-0">
      <div className="mb-1.5 text-xs font-medium text-muted-foreground">{label}</div>
      <pre className="rounded-md border bg-muted/60 px-3 py-2.5 font-mono text-[12px] leading-5 break-all whitespace-pre-wrap">
        <code>{code}</code>
      </pre>
    </div>
  );
}

/** Shown instead of the dashboard until the project receives its first trace. */
export function GettingStarted() {
  const origin = useOrigin();
  const sdkSnippet = [
    'import { Langfuse } from "langfuse";',
    "",
    "const langfuse = new Langfuse({",
    '  publicKey: "pk-...",',
    '  secretKey: "sk-...",',
    `  baseUrl: "${origin}",`,
    "});",
    "",
    'const trace = langfuse.trace({ name: "hello", userId: "user-1" });',
    "trace.generation({",
    '  name: "chat", model: "gpt-4o", input: "Hi", output: "Hello!",',
    "});",
    "await langfuse.flushAsync();",
  ].join("\n");
  const otlpSnippet = [
    `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=${origin}/api/public/otel/v1/traces`,
    'OTEL_EXPORTER_OTLP_HEADERS="Authorization=Basic $(echo -n pk-...:sk-... | base64)"',
  ].join("\n");

  return (
    <Card>
      <CardHeader className="pt-5">
        <div className="flex items-start gap-3">
          <div className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary/10 text-primary">
            <Send className="size-4" aria-hidden />
          </div>
          <div>
            <CardTitle className="text-sm">Send your first trace</CardTitle>
            <CardDescription className="mt-0.5 max-w-2xl">
              This project has no data yet. Point the Langfuse SDK or any OpenTelemetry exporter at
              Driftwatch with one of the project&apos;s API key pairs; the dashboard fills in as
              soon as the first trace arrives.
            </CardDescription>
          </div>
        </div>
      </CardHeader>
      <CardContent className="grid gap-4 pb-5 lg:grid-cols-2">
        <CodeBlock label="Langfuse SDK (TypeScript)" code={sdkSnippet} />
        <div className="flex min-w-0 flex-col gap-4">
          <CodeBlock label="OpenTelemetry (OTLP/HTTP, protobuf or JSON)" code={otlpSnippet} />
          <p className="text-xs text-muted-foreground">
            The batch endpoint is <code className="font-mono">{origin}/api/public/ingestion</code>{" "}
            with Basic auth <code className="font-mono">publicKey:secretKey</code>. Generations with
            a known model get a cost from the price table.
          </p>
        </div>
      </CardContent>
    </Card>
  );
}
