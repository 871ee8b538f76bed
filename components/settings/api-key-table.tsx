"use client";

import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { useDisplayTimeZone } from "@/lib/time/display-time-zone";
import { formatTimestamp, MISSING_VALUE } from "@/lib/time/format";
import { ConfirmDialog } from "./confirm-dialog";

export interface ApiKeyRow {
  id: string;
  publicKey: string;
  secretLastFour: string;
  note: string | null;
  createdAt: Date | string;
  lastUsedAt: Date | string | null;
}

interface ApiKeyTableProps {
  keys: ApiKeyRow[];
  /** Revokes a key; without it the table has no revoke buttons. */
  onRevoke?: (key: ApiKeyRow) => Promise<unknown>;
}

/** Lists key pairs by public key, the last characters of the secret, note and usage times. */
export function ApiKeyTable({ keys, onRevoke }: ApiKeyTableProps) {
  const { timeZone } = useDisplayTimeZone();
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Public key</TableHead>
          <TableHead>Secret key</TableHead>
          <TableHead>Note</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Last used</TableHead>
          {onRevoke ? <TableHead className="w-px" /> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {keys.map((key) => (
          <TableRow key={key.id}>
            <TableCell className="font-mono text-xs">{key.publicKey}</TableCell>
            <TableCell className="font-mono text-xs text-muted-foreground">
              sk-…{key.secretLastFour}
            </TableCell>
            <TableCell className="max-w-64 truncate" title={key.note ?? undefined}>
              {key.note || <span className="text-muted-foreground">{MISSING_VALUE}</span>}
            </TableCell>
            <TableCell className="whitespace-nowrap tabular-nums">
              {formatTimestamp(key.createdAt, timeZone)}
            </TableCell>
            <TableCell className="whitespace-nowrap tabular-nums">
              {key.lastUsedAt ? formatTimestamp(key.lastUsedAt, timeZone) : "Never"}
            </TableCell>
            {onRevoke ? (
              <TableCell className="text-right">
                <ConfirmDialog
                  trigger={
                    <Button variant="ghost" size="sm" aria-label={`Revoke ${key.publicKey}`}>
                      Revoke
                    </Button>
                  }
                  title="Revoke this API key?"
                  description={
                    <>
                      Requests signed with <span className="font-mono">{key.publicKey}</span> are
                      rejected with 401 from now on. Clients that use it stop sending data.
                    </>
                  }
                  confirmLabel="Revoke key"
                  onConfirm={() => onRevoke(key)}
                />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
