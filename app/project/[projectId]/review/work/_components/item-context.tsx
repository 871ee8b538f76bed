"use client";

import { useQuery } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { JsonViewer } from "@/components/traces/json-viewer/json-viewer";
import { sessionHref, traceHref } from "@/components/traces/links";
import { ObservationTreeView } from "@/components/traces/observation-tree-view";
import { ScoresList } from "@/components/traces/scores-list";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/lib/trpc/react";

/** The parts of a review item that locate what is under review. */
export interface ReviewSubject {
  objectType: "TRACE" | "OBSERVATION" | "SESSION";
  traceId: string | null;
  observationId: string | null;
  sessionId: string | null;
}

interface ItemContextProps {
  projectId: string;
  subject: ReviewSubject;
  timeZone: string;
}

function LoadError({ what, message }: { what: string; message: string }) {
  return (
    <p role="alert" className="text-xs text-destructive">
      Could not load the {what}: {message}
    </p>
  );
}

/** Shows the input and output under review: the observation's, or else the trace's. */
export function ItemInputOutput({ projectId, subject }: Omit<ItemContextProps, "timeZone">) {
  const trpc = useTRPC();
  const observationId = subject.observationId;
  const observation = useQuery(
    trpc.traces.observation.queryOptions(
      { projectId, observationId: observationId ?? "" },
      { enabled: observationId !== null },
    ),
  );
  const trace = useQuery(
    trpc.traces.byId.queryOptions(
      { projectId, traceId: subject.traceId ?? "" },
      { enabled: subject.traceId !== null && observationId === null },
    ),
  );
  const query = observationId !== null ? observation : trace;
  const text =
    observationId !== null
      ? { input: observation.data?.inputJson, output: observation.data?.outputJson }
      : { input: trace.data?.trace.inputJson, output: trace.data?.trace.outputJson };

  if (subject.traceId === null && observationId === null) return null;
  if (query.isPending) return <Skeleton className="h-64" />;
  if (query.error) return <LoadError what="input and output" message={query.error.message} />;
  return (
    <div className="flex flex-col gap-3">
      <JsonViewer label="Input" text={text.input ?? null} />
      <JsonViewer label="Output" text={text.output ?? null} />
    </div>
  );
}

/** Shows the trace around the item: its observation tree with the item selected, and scores. */
export function ItemTraceContext({ projectId, subject, timeZone }: ItemContextProps) {
  const trpc = useTRPC();
  const traceId = subject.traceId;
  const [selectedId, setSelectedId] = useState(subject.observationId);
  const trace = useQuery(
    trpc.traces.byId.queryOptions({ projectId, traceId: traceId ?? "" }, { enabled: !!traceId }),
  );
  if (!traceId) return null;

  return (
    <div className="grid gap-3 xl:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)] xl:items-start">
      <Card className="overflow-hidden">
        <CardHeader className="pb-1">
          <CardTitle>Trace</CardTitle>
          <Link
            href={traceHref(projectId, traceId, selectedId ?? undefined)}
            target="_blank"
            className="flex items-center gap-1 rounded-sm text-xs text-primary outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring/60"
          >
            Open in traces
            <ExternalLink className="size-3" aria-hidden />
          </Link>
        </CardHeader>
        <div className="max-h-80 overflow-auto border-t">
          {trace.isPending ? (
            <Skeleton className="m-3 h-24" />
          ) : trace.error ? (
            <div className="p-3">
              <LoadError what="trace" message={trace.error.message} />
            </div>
          ) : (
            <ObservationTreeView
              detail={trace.data}
              selectedId={selectedId}
              onSelect={setSelectedId}
            />
          )}
        </div>
      </Card>
      <Card>
        <CardHeader className="pb-1">
          <CardTitle>Scores</CardTitle>
        </CardHeader>
        <CardContent>
          {trace.data ? (
            <ScoresList scores={trace.data.scores} timeZone={timeZone} />
          ) : (
            <Skeleton className="h-16" />
          )}
        </CardContent>
      </Card>
    </div>
  );
}

/** Shows a session item's turns in order, each linking to its trace. */
export function ItemSessionContext({ projectId, subject }: Omit<ItemContextProps, "timeZone">) {
  const trpc = useTRPC();
  const sessionId = subject.sessionId;
  const session = useQuery(
    trpc.sessions.byId.queryOptions(
      { projectId, sessionId: sessionId ?? "" },
      { enabled: subject.objectType === "SESSION" && !!sessionId },
    ),
  );
  if (subject.objectType !== "SESSION" || !sessionId) return null;
  if (session.isPending) return <Skeleton className="h-64" />;
  if (session.error) return <LoadError what="session" message={session.error.message} />;
  return (
    <Card>
      <CardHeader className="pb-1">
        <CardTitle>Conversation</CardTitle>
        <Link
          href={sessionHref(projectId, sessionId)}
          target="_blank"
          className="text-xs text-primary hover:underline"
        >
          Open session
        </Link>
      </CardHeader>
      <CardContent>
        <ol className="flex flex-col divide-y">
          {session.data.traces.map((turn) => (
            <li key={turn.id} className="flex flex-col gap-1 py-2 text-xs">
              <Link href={traceHref(projectId, turn.id)} className="font-medium hover:underline">
                {turn.name ?? turn.id}
              </Link>
              <p className="whitespace-pre-wrap">{turn.inputPreview?.text}</p>
              <p className="whitespace-pre-wrap text-muted-foreground">
                {turn.outputPreview?.text}
              </p>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
