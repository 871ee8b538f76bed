import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Serves the app's route handlers (every route.ts under app/) over real HTTP on 127.0.0.1 without a
 * Next.js build, so integration tests can point real clients (the langfuse SDK, OTLP
 * exporters) at them. Routing follows Next.js file conventions: `[param]` segments and
 * `[...rest]` catch-alls.
 */

type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response> | Response;

interface RouteEntry {
  file: string;
  pattern: RegExp;
  paramNames: string[];
  specificity: number;
}

export interface RouteServer {
  baseUrl: string;
  close(): Promise<void>;
}

const APP_DIR = path.join(process.cwd(), "app");

function toRouteEntry(file: string): RouteEntry {
  const relative = path.relative(APP_DIR, path.dirname(file)).split(path.sep);
  const segments = relative.filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  const paramNames: string[] = [];
  let specificity = 0;
  const parts = segments.map((segment) => {
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
    if (catchAll) {
      paramNames.push(`...${catchAll[1]}`);
      return "(.+)";
    }
    const param = /^\[(\w+)\]$/.exec(segment);
    if (param) {
      paramNames.push(param[1]!);
      specificity += 1;
      return "([^/]+)";
    }
    specificity += 10;
    return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return { file, pattern: new RegExp(`^/${parts.join("/")}/?$`), paramNames, specificity };
}

/** Lists every route handler file under app/, most specific first. */
export function listRouteFiles(): RouteEntry[] {
  return readdirSync(APP_DIR, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => toRouteEntry(path.join(APP_DIR, f)))
    .sort((a, b) => b.specificity - a.specificity);
}

function matchRoute(routes: RouteEntry[], pathname: string) {
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const params: Record<string, string | string[]> = {};
    route.paramNames.forEach((name, i) => {
      const raw = match[i + 1]!;
      if (name.startsWith("...")) params[name.slice(3)] = raw.split("/").map(decodeURIComponent);
      else params[name] = decodeURIComponent(raw);
    });
    return { route, params };
  }
  return null;
}

function toWebRequest(req: IncomingMessage, baseUrl: string): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
    else if (value !== undefined) headers.set(key, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", baseUrl), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: "half",
  } as RequestInit);
}

async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => res.setHeader(key, value));
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  res.end(body);
}

export async function startRouteServer(): Promise<RouteServer> {
  const routes = listRouteFiles();
  let baseUrl = "";
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", baseUrl);
      const found = matchRoute(routes, url.pathname);
      const routeModule = found ? ((await import(found.route.file)) as Record<string, unknown>) : null;
      const handler = routeModule?.[req.method ?? "GET"] as RouteHandler | undefined;
      if (!found || !handler) {
        res.statusCode = found ? 405 : 404;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ error: found ? "METHOD_NOT_ALLOWED" : "NOT_FOUND" }));
        return;
      }
      const response = await handler(toWebRequest(req, baseUrl), {
        params: Promise.resolve(found.params),
      });
      await sendWebResponse(res, response);
    })().catch((error: Error) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: "TEST_SERVER_ERROR", message: error.message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
