import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * A small reader of schema.prisma, enough to compare its models and enums with a migrated
 * database: it understands models, enums, `?` and `[]` modifiers, `@map`, `@@map` and `@db.*`
 * native types. Relation fields (types naming another model) are skipped.
 */

export interface SchemaField {
  name: string;
  column: string;
  type: string;
  nativeType: string | null;
  isOptional: boolean;
  isList: boolean;
  isEnum: boolean;
}

export interface SchemaModel {
  name: string;
  table: string;
  fields: SchemaField[];
}

export interface PrismaSchema {
  models: SchemaModel[];
  enums: Map<string, string[]>;
}

const SCALAR_TYPES = new Set([
  "String",
  "Int",
  "BigInt",
  "Float",
  "Decimal",
  "Boolean",
  "DateTime",
  "Json",
  "Bytes",
]);

function blocksOf(source: string, keyword: "model" | "enum"): Array<[string, string[]]> {
  const pattern = new RegExp(`^${keyword}\\s+(\\w+)\\s*\\{([\\s\\S]*?)^\\}`, "gm");
  return [...source.matchAll(pattern)].map((m) => [
    m[1]!,
    m[2]!
      .split("\n")
      .map((line) => line.replace(/\/\/.*$/, "").trim())
      .filter(Boolean),
  ]);
}

function parseField(line: string, enums: Set<string>): SchemaField | null {
  const match = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
  if (!match) return null;
  const [, name, type, list, optional, attributes] = match as unknown as string[];
  if (!SCALAR_TYPES.has(type!) && !enums.has(type!)) return null;
  return {
    name: name!,
    column: /@map\("([^"]+)"\)/.exec(attributes!)?.[1] ?? name!,
    type: type!,
    nativeType: /@db\.(\w+)/.exec(attributes!)?.[1] ?? null,
    isOptional: Boolean(optional),
    isList: Boolean(list),
    isEnum: enums.has(type!),
  };
}

export function parsePrismaSchema(source: string): PrismaSchema {
  const enums = new Map(
    blocksOf(source, "enum").map(([name, lines]) => [
      name,
      lines.filter((l) => !l.startsWith("@@")).map((l) => l.split(/\s+/)[0]!),
    ]),
  );
  const enumNames = new Set(enums.keys());
  const models = blocksOf(source, "model").map(([name, lines]) => {
    const tableLine = lines.find((l) => l.startsWith("@@map("));
    const fields = lines
      .filter((l) => !l.startsWith("@@"))
      .map((l) => parseField(l, enumNames))
      .filter((f): f is SchemaField => f !== null);
    return { name, table: /@@map\("([^"]+)"\)/.exec(tableLine ?? "")?.[1] ?? name, fields };
  });
  return { models, enums };
}

export function readPrismaSchema(): PrismaSchema {
  const file = path.join(process.cwd(), "prisma", "schema.prisma");
  return parsePrismaSchema(readFileSync(file, "utf8"));
}
