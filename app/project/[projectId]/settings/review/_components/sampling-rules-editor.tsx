"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { EMPTY_RULE, MAX_RULES, moveRule, type RuleDraft } from "./settings-draft";

interface SamplingRulesEditorProps {
  rules: RuleDraft[];
  isReadOnly: boolean;
  onChange: (rules: RuleDraft[]) => void;
}

const LIST_FIELDS = [
  { key: "traceNames", header: "Trace names", placeholder: "any trace" },
  { key: "models", header: "Models", placeholder: "any model" },
  { key: "tags", header: "Any of the tags", placeholder: "any tags" },
] as const;

/** Edits the ordered sampling rules: the first rule a generation matches sets its share. */
export function SamplingRulesEditor({ rules, isReadOnly, onChange }: SamplingRulesEditorProps) {
  const update = (index: number, patch: Partial<RuleDraft>) =>
    onChange(rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));

  return (
    <div className="flex flex-col gap-2">
      {rules.length === 0 ? (
        <p className="text-xs text-muted-foreground">
          No rules: every generation is sampled at the default share.
        </p>
      ) : (
        <div className="overflow-hidden rounded-md border">
          <Table className="min-w-[640px]">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="w-8">#</TableHead>
                {LIST_FIELDS.map((field) => (
                  <TableHead key={field.key}>{field.header}</TableHead>
                ))}
                <TableHead className="w-24">Share (%)</TableHead>
                {isReadOnly ? null : <TableHead className="w-[104px]" />}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rules.map((rule, index) => (
                <TableRow key={index} className="hover:bg-transparent">
                  <TableCell className="text-muted-foreground tabular-nums">{index + 1}</TableCell>
                  {LIST_FIELDS.map((field) => (
                    <TableCell key={field.key}>
                      <Input
                        aria-label={`Rule ${index + 1} ${field.header.toLowerCase()}`}
                        className="h-7 text-xs read-only:bg-muted/50 read-only:shadow-none"
                        value={rule[field.key]}
                        placeholder={field.placeholder}
                        readOnly={isReadOnly}
                        onChange={(event) => update(index, { [field.key]: event.target.value })}
                      />
                    </TableCell>
                  ))}
                  <TableCell>
                    <Input
                      aria-label={`Rule ${index + 1} share in percent`}
                      className="h-7 text-xs tabular-nums read-only:bg-muted/50 read-only:shadow-none"
                      inputMode="numeric"
                      value={rule.samplePercent}
                      readOnly={isReadOnly}
                      onChange={(event) => update(index, { samplePercent: event.target.value })}
                    />
                  </TableCell>
                  {isReadOnly ? null : (
                    <TableCell>
                      <div className="flex items-center gap-0.5">
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={`Move rule ${index + 1} up`}
                          disabled={index === 0}
                          onClick={() => onChange(moveRule(rules, index, -1))}
                        >
                          <ArrowUp aria-hidden />
                        </Button>
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={`Move rule ${index + 1} down`}
                          disabled={index === rules.length - 1}
                          onClick={() => onChange(moveRule(rules, index, 1))}
                        >
                          <ArrowDown aria-hidden />
                        </Button>
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={`Remove rule ${index + 1}`}
                          onClick={() => onChange(rules.filter((_, i) => i !== index))}
                        >
                          <Trash2 aria-hidden />
                        </Button>
                      </div>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {isReadOnly ? null : (
        <div>
          <Button
            variant="outline"
            size="sm"
            disabled={rules.length >= MAX_RULES}
            onClick={() => onChange([...rules, EMPTY_RULE])}
          >
            <Plus aria-hidden />
            Add rule
          </Button>
        </div>
      )}
    </div>
  );
}
