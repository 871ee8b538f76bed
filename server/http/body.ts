import { createGunzip } from "node:zlib";
import { Readable } from "node:stream";
import { AppError } from "../errors";

/**
 * Reads a request body into memory, gunzipping it when `content-encoding: gzip`, and stops with
 * PAYLOAD_TOO_LARGE as soon as the (decompressed) size passes `maxBytes`, so an oversized or
 * zip-bomb body is never buffered whole.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  const encoding = request.headers.get("content-encoding")?.toLowerCase().trim();
  if (!encoding && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);

  let stream: Readable = Readable.fromWeb(request.body as import("stream/web").ReadableStream);
  if (encoding === "gzip") stream = stream.pipe(createGunzip());
  else if (encoding && encoding !== "identity") {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Content-Encoding ${encoding} is not supported; send gzip or no encoding`,
    );
  }
  return collect(stream, maxBytes);
}

async function collect(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        stream.destroy();
        throw tooLarge(maxBytes);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      "INVALID_INPUT",
      `Could not read the request body: ${(error as Error).message}`,
    );
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `Request body exceeds the limit of ${maxBytes} bytes; split the batch into smaller requests`,
  );
}

/** Parses a JSON body, answering INVALID_INPUT with the parser's message when it is not JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new AppError(
      "INVALID_INPUT",
      `Request body is not valid JSON: ${(error as Error).message}`,
    );
  }
}
