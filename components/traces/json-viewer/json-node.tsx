"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import { useState } from "react";
import { formatCountOf } from "@/lib/time/format";
import { cn } from "@/lib/utils";
import { isJsonContainer, stringifyJsonBounded } from "./json-text";

/** Nodes open by default down to this depth. */
export const DEFAULT_EXPANDED_DEPTH = 3;
/** Deeper nodes are not rendered as a tree; the viewer offers their raw text instead. */
export const MAX_TREE_DEPTH = 40;
/** Children shown per container before a "show more" button. */
const CHILDREN_PAGE_SIZE = 100;
/** Characters of a string shown before a "show all" button. */
export const STRING_PREVIEW_CHARS = 1_000;
/** Levels that indent; deeper levels keep the same indent and show their depth instead. */
const MAX_INDENT_DEPTH = 10;
/** Raw text shown for a subtree past MAX_TREE_DEPTH. */
const DEEP_RAW_TEXT_CHARS = 100_000;

function StringValue({ value }: { value: string }) {
  const [isFull, setFull] = useState(false);
  const isLong = value.length > STRING_PREVIEW_CHARS;
  const shown = isLong && !isFull ? value.slice(0, STRING_PREVIEW_CHARS) : value;
  return (
    <span className="break-words whitespace-pre-wrap text-emerald-700 dark:text-emerald-400">
      &quot;{shown}
      {isLong && !isFull ? "…" : ""}&quot;
      {isLong ? (
        <button
          type="button"
          className="ml-1.5 text-[11px] font-medium text-primary hover:underline"
          onClick={() => setFull(!isFull)}
        >
          {isFull ? "show less" : `show all ${value.length.toLocaleString("en-US")} characters`}
        </button>
      ) : null}
    </span>
  );
}

function ScalarValue({ value }: { value: unknown }) {
  if (typeof value === "string") return <StringValue value={value} />;
  if (typeof value === "number")
    return <span className="text-sky-700 dark:text-sky-400">{String(value)}</span>;
  if (typeof value === "boolean")
    return <span className="text-violet-700 dark:text-violet-400">{String(value)}</span>;
  return <span className="text-muted-foreground">null</span>;
}

function KeyLabel({ name, depth }: { name: string | number | null; depth: number }) {
  if (name === null) return null;
  return (
    <span className={cn("text-foreground/80", typeof name === "number" && "text-muted-foreground")}>
      {depth > MAX_INDENT_DEPTH ? (
        <span
          className="mr-1 rounded bg-muted px-0.5 text-[10px] text-muted-foreground"
          title="Depth"
        >
          {depth}
        </span>
      ) : null}
      {typeof name === "number" ? name : JSON.stringify(name)}
      <span className="text-muted-foreground">: </span>
    </span>
  );
}

function DeepValue({ value }: { value: unknown }) {
  const [isOpen, setOpen] = useState(false);
  const raw = isOpen
    ? stringifyJsonBounded(value, { indent: 1, maxChars: DEEP_RAW_TEXT_CHARS, maxIndentDepth: 8 })
    : null;
  return (
    <span>
      <button
        type="button"
        className="text-[11px] font-medium text-primary hover:underline"
        onClick={() => setOpen(!isOpen)}
      >
        {isOpen ? "hide raw text" : `nested deeper than ${MAX_TREE_DEPTH} levels: view as raw text`}
      </button>
      {raw ? (
        <pre className="mt-1 max-h-80 overflow-auto rounded bg-muted p-2 text-[11px] whitespace-pre-wrap break-all">
          {raw.text}
          {raw.truncated ? "\n… (cut; copy the whole value with Copy)" : ""}
        </pre>
      ) : null}
    </span>
  );
}

interface JsonNodeProps {
  name: string | number | null;
  value: unknown;
  depth: number;
  /** Containers above this depth start open. */
  expandDepth: number;
}

/** Renders one key and value of the JSON tree. A container renders its children only when open. */
export function JsonNode({ name, value, depth, expandDepth }: JsonNodeProps) {
  const [isOpen, setOpen] = useState(depth < expandDepth);
  const [shownChildren, setShownChildren] = useState(CHILDREN_PAGE_SIZE);

  if (!isJsonContainer(value)) {
    return (
      <div className="pl-4">
        <KeyLabel name={name} depth={depth} />
        <ScalarValue value={value} />
      </div>
    );
  }
  if (depth >= MAX_TREE_DEPTH) {
    return (
      <div className="pl-4">
        <KeyLabel name={name} depth={depth} />
        <DeepValue value={value} />
      </div>
    );
  }

  const isArray = Array.isArray(value);
  const entries: [string | number, unknown][] = isArray
    ? value.map((child, index): [number, unknown] => [index, child])
    : Object.entries(value);
  const noun = isArray ? "item" : "key";
  const counted = formatCountOf(entries.length, noun);
  let summary = isArray ? `[${counted}]` : `{${counted}}`;
  if (entries.length === 0) summary = isArray ? "[]" : "{}";
  const Chevron = isOpen ? ChevronDown : ChevronRight;
  return (
    <div>
      <button
        type="button"
        className="flex items-center gap-0.5 rounded text-left hover:bg-muted"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
        disabled={entries.length === 0}
      >
        <Chevron
          className={cn(
            "size-3.5 shrink-0 text-muted-foreground",
            entries.length === 0 && "invisible",
          )}
        />
        <KeyLabel name={name} depth={depth} />
        <span className="text-muted-foreground">{summary}</span>
      </button>
      {isOpen && entries.length > 0 ? (
        <div className={cn(depth < MAX_INDENT_DEPTH && "ml-[7px] border-l border-border pl-1")}>
          {entries.slice(0, shownChildren).map(([key, child]) => (
            <JsonNode
              key={key}
              name={key}
              value={child}
              depth={depth + 1}
              expandDepth={expandDepth}
            />
          ))}
          {entries.length > shownChildren ? (
            <button
              type="button"
              className="pl-4 text-[11px] font-medium text-primary hover:underline"
              onClick={() => setShownChildren(shownChildren + CHILDREN_PAGE_SIZE)}
            >
              show {Math.min(CHILDREN_PAGE_SIZE, entries.length - shownChildren)} more of{" "}
              {entries.length - shownChildren}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
