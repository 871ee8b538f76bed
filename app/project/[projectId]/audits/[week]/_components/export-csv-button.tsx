"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc/react";

/** Hands text to the browser as a file download. */
function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Downloads every verdict of the week as CSV, one row per verdict. */
export function ExportCsvButton({ projectId, week }: { projectId: string; week: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [isExporting, setExporting] = useState(false);

  const exportCsv = async () => {
    setError(null);
    setExporting(true);
    try {
      const file = await queryClient.fetchQuery({
        ...trpc.review.audits.exportCsv.queryOptions({ projectId, week }),
        staleTime: 0,
      });
      downloadText(file.csv, file.filename, "text/csv;charset=utf-8");
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Export failed");
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Button variant="outline" size="sm" disabled={isExporting} onClick={() => void exportCsv()}>
        <Download aria-hidden />
        {isExporting ? "Exporting…" : "Export CSV"}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-destructive">
          Export failed: {error}
        </span>
      ) : null}
    </>
  );
}
