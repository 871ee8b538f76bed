import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPrismaSchema, type SchemaField } from "./prisma-schema";

// Compares schema.prisma with the database the migrations produced, so that a model change
// without its migration (or the reverse) fails here instead of at run time.

interface DbColumn {
  table_name: string;
  column_name: string;
  is_nullable: "YES" | "NO";
  data_type: string;
  udt_name: string;
}

const BASE_TYPE_TO_UDT: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Decimal: "numeric",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Bytes: "bytea",
};

const NATIVE_TYPE_TO_UDT: Record<string, string> = {
  Timestamptz: "timestamptz",
  Timestamp: "timestamp",
  Decimal: "numeric",
  Text: "text",
  VarChar: "varchar",
  Uuid: "uuid",
  Integer: "int4",
  SmallInt: "int2",
  DoublePrecision: "float8",
  JsonB: "jsonb",
  Json: "json",
};

function expectedUdt(field: SchemaField): string {
  const base = field.isEnum
    ? field.type
    : (field.nativeType && NATIVE_TYPE_TO_UDT[field.nativeType]) || BASE_TYPE_TO_UDT[field.type]!;
  return field.isList ? `_${base}` : base;
}

const schema = readPrismaSchema();
let client: pg.Client;
let columns: DbColumn[];
let enumValues: Map<string, string[]>;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  columns = (
    await client.query<DbColumn>(
      `SELECT table_name, column_name, is_nullable, data_type, udt_name
       FROM information_schema.columns WHERE table_schema = 'public'`,
    )
  ).rows;
  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
  );
  enumValues = new Map(enums.rows.map((r) => [r.name, r.values]));
});

afterAll(async () => {
  await client.end();
});

describe("schema.prisma against the migrated database", () => {
  it.each(schema.models.map((m) => [m.name, m] as const))(
    "model %s matches its table",
    (_, model) => {
      const tableColumns = columns.filter((c) => c.table_name === model.table);
      expect(tableColumns.length, `table ${model.table} exists`).toBeGreaterThan(0);
      for (const field of model.fields) {
        const column = tableColumns.find((c) => c.column_name === field.column);
        expect(column, `column ${model.table}.${field.column}`).toBeDefined();
        expect(column!.udt_name, `type of ${model.table}.${field.column}`).toBe(expectedUdt(field));
        if (!field.isList) {
          const nullable = column!.is_nullable === "YES";
          expect(nullable, `nullability of ${model.table}.${field.column}`).toBe(field.isOptional);
        }
      }
      const modelColumns = new Set(model.fields.map((f) => f.column));
      const unmapped = tableColumns.map((c) => c.column_name).filter((c) => !modelColumns.has(c));
      expect(unmapped, `columns of ${model.table} missing from the model`).toEqual([]);
    },
  );

  it.each([...schema.enums.entries()])("enum %s has the same values", (name, values) => {
    expect(enumValues.get(name)).toEqual(values);
  });
});
