import { defineConfig } from "prisma/config";

// The URL matters only to CLI commands that connect (`prisma migrate status`); `generate` does not.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/driftwatch",
  },
});
