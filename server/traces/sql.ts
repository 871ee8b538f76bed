import type pg from "pg";
import { Prisma } from "../db/generated/client";

/** A `pg` Pool, PoolClient or Client: the read queries here run as plain SQL. */
export interface SqlClient {
  query<Row extends pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<Row>>;
}

export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const joinSql = Prisma.join;
export const emptySql = Prisma.empty;
export const rawSql = Prisma.raw;

export async function queryRows<Row extends pg.QueryResultRow>(
  db: SqlClient,
  query: Sql,
): Promise<Row[]> {
  const result = await db.query<Row>(query.text, query.values);
  return result.rows;
}

/** Joins conditions with AND; an empty list is TRUE. */
export function andSql(conditions: Sql[]): Sql {
  return conditions.length === 0 ? sql`TRUE` : joinSql(conditions, " AND ");
}
