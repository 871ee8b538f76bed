export { ingestEvents, type IngestOptions } from "./service";
export type {
  CostDetails,
  EventError,
  EventSuccess,
  IngestionEvent,
  IngestionResult,
  ObservationKind,
  ObservationLevel,
  ObservationPatch,
  ScoreDataType,
  ScorePatch,
  ScoreSource,
  TracePatch,
  UsageDetails,
} from "./events";
