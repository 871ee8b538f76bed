import { z } from "zod";
import { loadObservationQuality } from "../../analysis/read-measures";
import { getObservationOrThrow, listObservations } from "../observations";
import type { SqlClient } from "../sql";
import { OBSERVATION_LEVELS, OBSERVATION_TYPES } from "../types";
import { presentMeta, presentObservation } from "./present";
import {
  isoTimestamp,
  pageParams,
  parseQuery,
  readQueryParams,
  text,
  textList,
} from "./query-params";

const observationListQuery = z.object({
  ...pageParams,
  traceId: text,
  parentObservationId: text,
  name: text,
  userId: text,
  type: z.enum(OBSERVATION_TYPES).optional(),
  level: z.enum(OBSERVATION_LEVELS).optional(),
  version: text,
  environment: textList,
  fromStartTime: isoTimestamp,
  toStartTime: isoTimestamp,
});

/** GET /api/public/observations: newest first, with exact totals. */
export async function listPublicObservations(db: SqlClient, projectId: string, url: URL) {
  const query = parseQuery(observationListQuery, readQueryParams(url, ["environment"]));
  const page = await listObservations(
    db,
    projectId,
    {
      traceId: query.traceId,
      parentObservationId: query.parentObservationId,
      name: query.name,
      userId: query.userId,
      type: query.type,
      level: query.level,
      version: query.version,
      environments: query.environment,
      fromStartTime: query.fromStartTime,
      toStartTime: query.toStartTime,
    },
    { page: query.page, limit: query.limit },
  );
  const quality = await loadObservationQuality(
    db,
    projectId,
    page.rows.map((o) => o.id),
  );
  return {
    data: page.rows.map((o) => presentObservation(projectId, o, quality.get(o.id))),
    meta: presentMeta(page),
  };
}

/** GET /api/public/observations/{observationId}. */
export async function getPublicObservation(
  db: SqlClient,
  projectId: string,
  observationId: string,
) {
  const observation = await getObservationOrThrow(db, projectId, observationId);
  const quality = await loadObservationQuality(db, projectId, [observation.id]);
  return presentObservation(projectId, observation, quality.get(observation.id));
}
