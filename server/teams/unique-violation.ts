/** Whether `error` is Prisma's unique constraint violation (P2002), e.g. a concurrent insert. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002"
  );
}
