"use client";

import { Check, Copy } from "lucide-react";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import {
  DEFAULT_EXPANDED_DEPTH,
  JsonNode,
  MAX_TREE_DEPTH,
  STRING_PREVIEW_CHARS,
} from "./json-node";
import {
  findExpandAllDepth,
  formatTextSize,
  isJsonContainer,
  parseJsonText,
  stringifyJsonBounded,
} from "./json-text";

/** Characters of pretty-printed raw text rendered at once; the rest is one click away. */
const RAW_TEXT_PAGE_CHARS = 200_000;
/** Nodes "expand all" may open at once, so a wide value cannot freeze the page. */
const EXPAND_ALL_MAX_NODES = 2_000;
/** Children a container shows before "show more"; matches the tree's page size. */
const EXPAND_ALL_CHILDREN_PER_NODE = 100;

interface JsonViewerProps {
  /** JSON text as stored, or null when there is no value. */
  text: string | null;
  /** Shown in the toolbar, e.g. "Input". */
  label: string;
  className?: string;
  emptyText?: string;
}

function CopyButton({ text }: { text: string }) {
  const [isCopied, setCopied] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      className="h-6 px-1.5"
      aria-label="Copy JSON"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      {isCopied ? <Check /> : <Copy />}
    </Button>
  );
}

function RawText({ value, fallback }: { value: unknown; fallback: string }) {
  const [limit, setLimit] = useState(RAW_TEXT_PAGE_CHARS);
  const raw = useMemo(
    () =>
      value === undefined
        ? { text: fallback.slice(0, limit), truncated: fallback.length > limit }
        : stringifyJsonBounded(value, { indent: 2, maxChars: limit, maxIndentDepth: 24 }),
    [value, fallback, limit],
  );
  return (
    <div>
      <pre className="max-h-[60vh] overflow-auto p-2 font-mono text-[11.5px] leading-4 break-all whitespace-pre-wrap">
        {raw.text}
      </pre>
      {raw.truncated ? (
        <button
          type="button"
          className="px-2 pb-2 text-[11px] font-medium text-primary hover:underline"
          onClick={() => setLimit(limit + RAW_TEXT_PAGE_CHARS * 5)}
        >
          show more
        </button>
      ) : null}
    </div>
  );
}

function looksLikeJson(text: string): boolean {
  const trimmed = text.trimStart();
  return trimmed.startsWith("{") || trimmed.startsWith("[");
}

function TextBlock({ value }: { value: string }) {
  const [isFull, setFull] = useState(false);
  const [asJson, setAsJson] = useState(false);
  const parsed = useMemo(() => (asJson ? parseJsonText(value) : null), [asJson, value]);
  const isLong = value.length > STRING_PREVIEW_CHARS * 2;
  if (parsed?.ok && isJsonContainer(parsed.value)) {
    return (
      <div className="p-1.5">
        <button
          type="button"
          className="mb-1 pl-1 text-[11px] font-medium text-primary hover:underline"
          onClick={() => setAsJson(false)}
        >
          show as text
        </button>
        <div className="font-mono text-[11.5px] leading-[18px]">
          <JsonNode
            name={null}
            value={parsed.value}
            depth={0}
            expandDepth={DEFAULT_EXPANDED_DEPTH}
          />
        </div>
      </div>
    );
  }
  return (
    <div className="p-2">
      <p className="text-[12.5px] leading-5 break-words whitespace-pre-wrap">
        {isLong && !isFull ? `${value.slice(0, STRING_PREVIEW_CHARS * 2)}…` : value}
      </p>
      <div className="mt-1 flex gap-3">
        {isLong ? (
          <button
            type="button"
            className="text-[11px] font-medium text-primary hover:underline"
            onClick={() => setFull(!isFull)}
          >
            {isFull ? "show less" : `show all ${value.length.toLocaleString("en-US")} characters`}
          </button>
        ) : null}
        {looksLikeJson(value) ? (
          <button
            type="button"
            className="text-[11px] font-medium text-primary hover:underline"
            onClick={() => setAsJson(true)}
          >
            {parsed && !parsed.ok ? "not valid JSON" : "parse as JSON"}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Shows a stored JSON value as a collapsible tree, with a raw-text view and copy. It stays usable
 * for huge and deeply nested values because parsing is iterative, the tree opens lazily and
 * stops at a depth, and long strings and raw text are cut with a button to show more.
 */
export function JsonViewer({ text, label, className, emptyText = "No value" }: JsonViewerProps) {
  const [mode, setMode] = useState<"tree" | "raw">("tree");
  const [expandDepth, setExpandDepth] = useState(DEFAULT_EXPANDED_DEPTH);
  const parsed = useMemo(() => (text === null ? null : parseJsonText(text)), [text]);
  const value = parsed?.ok ? parsed.value : undefined;
  const isExpanded = expandDepth !== DEFAULT_EXPANDED_DEPTH;
  const expandAllDepth = useMemo(
    () =>
      findExpandAllDepth(value, {
        maxNodes: EXPAND_ALL_MAX_NODES,
        maxDepth: MAX_TREE_DEPTH,
        childrenPerNode: EXPAND_ALL_CHILDREN_PER_NODE,
      }),
    [value],
  );
  const canExpand = expandAllDepth > DEFAULT_EXPANDED_DEPTH;
  const toggleExpandAll = () =>
    setExpandDepth(isExpanded ? DEFAULT_EXPANDED_DEPTH : expandAllDepth);

  return (
    <section className={cn("rounded-md border bg-card", className)} aria-label={label}>
      <header className="flex items-center justify-between gap-2 border-b px-2 py-1">
        <span className="text-xs font-medium">{label}</span>
        {text !== null ? (
          <div className="flex items-center gap-1">
            <span className="text-[11px] text-muted-foreground">{formatTextSize(text)}</span>
            {canExpand && mode === "tree" ? (
              <Button
                variant="ghost"
                size="sm"
                className="h-6 px-1.5 text-[11px]"
                onClick={toggleExpandAll}
              >
                {isExpanded ? "Collapse" : "Expand all"}
              </Button>
            ) : null}
            {isJsonContainer(value) ? (
              <Button
                variant="ghost"
                size="sm"
                className="h-6 px-1.5 text-[11px]"
                onClick={() => setMode(mode === "tree" ? "raw" : "tree")}
              >
                {mode === "tree" ? "Raw" : "Tree"}
              </Button>
            ) : null}
            <CopyButton text={text} />
          </div>
        ) : null}
      </header>
      {text === null ? (
        <p className="p-2 text-xs text-muted-foreground">{emptyText}</p>
      ) : parsed && !parsed.ok ? (
        <RawText value={undefined} fallback={text} />
      ) : typeof value === "string" ? (
        <TextBlock value={value} />
      ) : mode === "raw" || !isJsonContainer(value) ? (
        <RawText value={value} fallback={text} />
      ) : (
        <div className="max-h-[60vh] overflow-auto p-1.5 font-mono text-[11.5px] leading-[18px]">
          <JsonNode
            key={expandDepth}
            name={null}
            value={value}
            depth={0}
            expandDepth={expandDepth}
          />
        </div>
      )}
    </section>
  );
}
