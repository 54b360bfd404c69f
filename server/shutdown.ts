import type { Server } from "node:http";
import type { NextFunction, Request, Response } from "express";

/**
 * A graceful stop for server/index.ts (SIGTERM from systemd, Docker, Kubernetes; Ctrl-C):
 *  0. at once, /readyz answers 503; for `delayMs` (SHUTDOWN_DELAY_MS, default 0) the server still accepts and
 *     answers, each answer closing its connection, so that a load balancer's health check takes the instance out
 *     of rotation before its listener closes — a connection the kernel has accepted but Node has not yet taken
 *     is reset when the listener closes, and a proxy must not replay a POST that was reset;
 *  1. stop accepting connections; answers still being written carry "Connection: close", idle keep-alive
 *     connections are closed, so a proxy sends its next request elsewhere;
 *  2. in-flight requests finish — for at most `graceMs`, after which the connections left are cut;
 *  3. at the same time the mail worker finishes the message it is sending and claims no more;
 *  4. then the database is closed, and the process exits.
 * A second signal exits at once. See docs/decisions/018-fault-tests.md.
 */
export interface Shutdown {
  /** Express middleware: while stopping, every answer closes its connection. */
  middleware(req: Request, res: Response, next: NextFunction): void;
  /** Starts the stop (once); resolves when steps 1–4 are done. */
  run(signal: string): Promise<void>;
  readonly stopping: boolean;
}

export interface ShutdownSteps {
  server: Server;
  /** Awaited alongside the request drain: the mail worker's stop. */
  stopWorkers: () => Promise<void>;
  /** After requests and workers: close the database, release the data-dir lock. */
  closeResources: () => Promise<void>;
  graceMs: number;
  /** How long to keep accepting (readiness failing) before the listener closes; 0: close at once. */
  delayMs?: number;
  log?: (message: string) => void;
}

/** Resolves once no request is in flight (server.close's callback), or after graceMs with the rest cut off. */
export async function drainHttpServer(server: Server, graceMs: number): Promise<"drained" | "cut"> {
  const closed = new Promise<"drained">((resolve) => server.close(() => resolve("drained")));
  server.closeIdleConnections();
  // A keep-alive connection whose answer has just finished becomes idle: close it too.
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"cut">((resolve) => {
    timer = setTimeout(() => resolve("cut"), graceMs);
  });
  try {
    const outcome = await Promise.race([closed, timeout]);
    if (outcome === "cut") server.closeAllConnections();
    return outcome;
  } finally {
    clearInterval(sweeper);
    clearTimeout(timer);
  }
}

export function createShutdown(steps: ShutdownSteps): Shutdown {
  const log = steps.log ?? ((message: string) => console.log(message));
  let running: Promise<void> | null = null;
  const inFlight = new Set<Response>();
  return {
    get stopping() {
      return running !== null;
    },
    middleware(_req, res, next) {
      if (running) res.setHeader("Connection", "close");
      else {
        inFlight.add(res);
        res.once("close", () => inFlight.delete(res));
      }
      next();
    },
    run(signal) {
      running ??= (async () => {
        // The answers still to come close their connections too.
        for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
        log(`${signal}: finishing the requests in progress and the mail being sent, then stopping…`);
        const delayMs = steps.delayMs ?? 0;
        const [requests] = await Promise.all([
          (delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, delayMs)) : Promise.resolve()).then(() =>
            drainHttpServer(steps.server, steps.graceMs),
          ),
          steps.stopWorkers().catch((error: unknown) => log(`mail worker: ${String(error)}`)),
        ]);
        if (requests === "cut") log(`Requests still open after ${steps.graceMs / 1000} s were cut off.`);
        await steps.closeResources();
        log("Stopped.");
      })();
      return running;
    },
  };
}
