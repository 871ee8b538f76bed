import { authenticateBasicAuth } from "@/server/auth/api-keys";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { readBodyBytes } from "@/server/http/body";
import { exportTraces } from "@/server/otlp/export-traces";
import {
  otlpErrorResponse,
  otlpSuccessResponse,
  readOtlpEncoding,
  unsupportedContentType,
} from "@/server/otlp/http";

export const dynamic = "force-dynamic";

/** OTLP/HTTP trace export (protobuf or JSON), authenticated with the project's key pair. */
export async function POST(request: Request): Promise<Response> {
  const contentType = request.headers.get("content-type");
  const encoding = readOtlpEncoding(contentType);
  try {
    const db = getDb();
    const { projectId } = await authenticateBasicAuth(db, request.headers.get("authorization"));
    if (!encoding) throw unsupportedContentType(contentType);
    const body = await readBodyBytes(request, getEnv().INGESTION_MAX_BODY_BYTES);
    const { partialSuccess } = await exportTraces(db, projectId, body, encoding);
    return otlpSuccessResponse(encoding, partialSuccess);
  } catch (error) {
    return otlpErrorResponse(error, encoding);
  }
}
