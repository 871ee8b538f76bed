export { ingestEvents } from "./service";
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
