import { TRPCClientError } from "@trpc/client";

/** Returns the message of a failed request, which the server words for the user. */
export function getErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  if (error instanceof Error) return error.message;
  return "The request failed; try again.";
}

/** Renders the message of a failed request as an alert, or nothing without an error. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded-md bg-destructive/10 px-2.5 py-2 text-xs text-destructive">
      {getErrorMessage(error)}
    </p>
  );
}
