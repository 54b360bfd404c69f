/**
 * One HTTP POST to a webhook endpoint, safely (docs/decisions/021-integrations.md):
 *  - http(s) only; the host is resolved here (dns.lookup, all addresses) and EVERY address must pass the
 *    address policy unless WEBHOOK_ALLOW_PRIVATE=1 — then the connection is pinned to the checked address
 *    (the socket's lookup returns it), so a second DNS answer cannot point it elsewhere (DNS rebinding);
 *  - redirects are not followed: a 3xx is a failed attempt with its status code;
 *  - one timeout for the whole exchange; the answer's body is read up to 4 KiB and dropped.
 */
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isForbiddenAddress, webhookUrlProblem } from "~/domain/webhooks/address-policy";

export interface SendOptions {
  allowPrivate: boolean;
  timeoutMs: number;
}

export type SendResult =
  | { ok: true; statusCode: number }
  | { ok: false; statusCode: number | null; error: string };

export class WebhookAddressError extends Error {}

/** The addresses to connect to, checked; throws WebhookAddressError when the endpoint must not be reached. */
export async function resolveEndpoint(url: URL, allowPrivate: boolean): Promise<{ address: string; family: 4 | 6 }> {
  const problem = webhookUrlProblem(url.toString());
  if (problem) throw new WebhookAddressError(`The URL is not allowed (${problem}).`);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const family = isIP(host);
  const found = family
    ? [{ address: host, family }]
    : await lookup(host, { all: true, verbatim: true }).catch((error: NodeJS.ErrnoException) => {
        throw new WebhookAddressError(`The host name could not be resolved (${error.code ?? error.message}).`);
      });
  if (found.length === 0) throw new WebhookAddressError("The host name has no address.");
  if (!allowPrivate) {
    const bad = found.find((entry) => isForbiddenAddress(entry.address));
    if (bad)
      throw new WebhookAddressError(
        `The address ${bad.address} is private, loopback or link-local; webhooks are not sent there (WEBHOOK_ALLOW_PRIVATE=1 allows it).`,
      );
  }
  const first = found[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

export async function postWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<SendResult> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, statusCode: null, error: "The URL is not valid." };
  }
  let target: { address: string; family: 4 | 6 };
  try {
    target = await resolveEndpoint(url, options.allowPrivate);
  } catch (error) {
    return { ok: false, statusCode: null, error: error instanceof Error ? error.message : String(error) };
  }
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: pinned,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body, "utf8")),
          "user-agent": "Signet-Webhooks/1",
        },
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let seen = 0;
        response.on("data", (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > 4096) response.destroy();
        });
        const done = () =>
          finish(
            status >= 200 && status < 300
              ? { ok: true, statusCode: status }
              : {
                  ok: false,
                  statusCode: status,
                  error:
                    status >= 300 && status < 400
                      ? `Redirect to ${response.headers.location ?? "?"} not followed.`
                      : `The endpoint answered ${status}.`,
                },
          );
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ ok: false, statusCode: null, error: `No answer within ${Math.round(options.timeoutMs / 1000)} s.` });
    }, options.timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) =>
      finish({ ok: false, statusCode: null, error: `Could not connect (${error.code ?? error.message}).` }),
    );
    request.end(body);
  });
}
