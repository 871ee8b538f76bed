import { TRPCClientError } from "@trpc/client";

type FieldErrors = Record<string, string[] | undefined>;

function getFieldErrorText(error: TRPCClientError<never>): string | null {
  const fieldErrors = (error.data as { fieldErrors?: FieldErrors } | undefined)?.fieldErrors;
  if (!fieldErrors) return null;
  const lines = Object.entries(fieldErrors).flatMap(([field, messages]) =>
    (messages ?? []).map((message) => `${field}: ${message}`),
  );
  return lines.length > 0 ? lines.join(". ") : null;
}

/**
 * Returns the message of a failed request, which the server words for the user. Invalid input
 * is named by field, because the message of a validation error is the raw list of issues.
 */
export function getErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return getFieldErrorText(error) ?? error.message;
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
