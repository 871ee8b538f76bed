export { listPublicObservations, getPublicObservation } from "./observations";
export { rawJsonResponse, RawJson, stringifyWithRawJson } from "./raw-json";
export { getPublicSession, listPublicSessions } from "./sessions";
export { getPublicTrace, listPublicTraces } from "./traces";
export { readPathParam } from "./path-param";
