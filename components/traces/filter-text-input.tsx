"use client";

import { X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/** Idle time after typing before the value is applied, so every keystroke is not a query. */
const COMMIT_DELAY_MS = 500;

interface FilterTextInputProps {
  label: string;
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  placeholder?: string;
  /** Suggestions shown by the browser while typing (most frequent values). */
  suggestions?: { value: string; count: number }[];
  className?: string;
  maxLength?: number;
}

/** Renders a text filter that applies on Enter, on blur or after a pause, with a clear button. */
export function FilterTextInput({
  label,
  value,
  onCommit,
  placeholder,
  suggestions,
  className,
  maxLength = 200,
}: FilterTextInputProps) {
  const listId = useId();
  const [draft, setDraft] = useState(value ?? "");
  const [shownValue, setShownValue] = useState(value);
  const committed = useRef(value ?? "");

  // A new value from outside (URL, clear-all) replaces the draft during render, not in an effect.
  if (value !== shownValue) {
    setShownValue(value);
    setDraft(value ?? "");
  }

  useEffect(() => {
    committed.current = value ?? "";
  }, [value]);

  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed === committed.current) return;
    committed.current = trimmed;
    onCommit(trimmed || undefined);
  };

  useEffect(() => {
    if (draft.trim() === committed.current) return;
    const timer = setTimeout(() => commit(draft), COMMIT_DELAY_MS);
    return () => clearTimeout(timer);
  });

  return (
    <div className={cn("relative", className)}>
      <Input
        aria-label={label}
        placeholder={placeholder ?? label}
        value={draft}
        maxLength={maxLength}
        list={suggestions?.length ? listId : undefined}
        className={cn("h-7 pr-6 text-xs", draft && "border-primary/50")}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => commit(draft)}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit(draft);
        }}
      />
      {draft ? (
        <button
          type="button"
          aria-label={`Clear ${label}`}
          className="absolute top-1/2 right-1.5 -translate-y-1/2 text-muted-foreground hover:text-foreground"
          onClick={() => {
            setDraft("");
            commit("");
          }}
        >
          <X className="size-3" />
        </button>
      ) : null}
      {suggestions?.length ? (
        <datalist id={listId}>
          {suggestions.map((option) => (
            <option key={option.value} value={option.value}>
              {`${option.count} traces`}
            </option>
          ))}
        </datalist>
      ) : null}
    </div>
  );
}
