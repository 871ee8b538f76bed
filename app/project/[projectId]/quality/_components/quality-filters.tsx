"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import type { QualityFilters } from "./quality-types";

const ALL = "\u0000all";
const MAX_TEXT_CHARS = 200;

/** Reads ?model=, ?prompt= and ?version= from the URL, so a filtered view can be shared. */
export function parseQualityFilters(params: URLSearchParams): QualityFilters {
  const version = Number(params.get("version"));
  const promptName = params.get("prompt")?.slice(0, MAX_TEXT_CHARS) || null;
  return {
    model: params.get("model")?.slice(0, MAX_TEXT_CHARS) || null,
    promptName,
    promptVersion:
      promptName && Number.isInteger(version) && version >= 0 && params.has("version")
        ? version
        : null,
  };
}

export function useQualityFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => parseQualityFilters(searchParams), [searchParams]);
  const setFilters = useCallback(
    (next: QualityFilters) => {
      const params = new URLSearchParams(searchParams);
      for (const [key, value] of [
        ["model", next.model],
        ["prompt", next.promptName],
        ["version", next.promptName ? next.promptVersion : null],
      ] as const) {
        if (value === null) params.delete(key);
        else params.set(key, String(value));
      }
      router.replace(`${pathname}?${params.toString()}`, { scroll: false });
    },
    [pathname, router, searchParams],
  );
  return { filters, setFilters };
}

interface FilterOptions {
  models: string[];
  prompts: { name: string; versions: number[] }[];
}

/** Model, prompt and prompt version pickers of the Quality page. */
export function QualityFilterBar({
  filters,
  options,
  onChange,
}: {
  filters: QualityFilters;
  options: FilterOptions | undefined;
  onChange: (filters: QualityFilters) => void;
}) {
  const versions = options?.prompts.find((p) => p.name === filters.promptName)?.versions ?? [];
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        value={filters.model ?? ALL}
        onValueChange={(value) => onChange({ ...filters, model: value === ALL ? null : value })}
      >
        <SelectTrigger size="sm" aria-label="Model" className="w-44 text-xs">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All models</SelectItem>
          {(options?.models ?? []).map((model) => (
            <SelectItem key={model} value={model}>
              {model}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select
        value={filters.promptName ?? ALL}
        onValueChange={(value) =>
          onChange({ ...filters, promptName: value === ALL ? null : value, promptVersion: null })
        }
      >
        <SelectTrigger size="sm" aria-label="Prompt" className="w-44 text-xs">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All prompts</SelectItem>
          {(options?.prompts ?? []).map((prompt) => (
            <SelectItem key={prompt.name} value={prompt.name}>
              {prompt.name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {filters.promptName && versions.length > 0 ? (
        <Select
          value={filters.promptVersion === null ? ALL : String(filters.promptVersion)}
          onValueChange={(value) =>
            onChange({ ...filters, promptVersion: value === ALL ? null : Number(value) })
          }
        >
          <SelectTrigger size="sm" aria-label="Prompt version" className="w-32 text-xs">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All versions</SelectItem>
            {versions.map((version) => (
              <SelectItem key={version} value={String(version)}>
                Version {version}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      ) : null}
    </div>
  );
}
