/**
 * The inbound SMTP listener (smtp-server) for INBOUND_DOMAIN: the domain's MX points here. It takes mail only for
 * rsvp+<reply token>@INBOUND_DOMAIN (550 for any other recipient, so it is no open relay), refuses a message
 * larger than INBOUND_MAX_BYTES (552, as soon as it crosses the limit), offers STARTTLS when a key and certificate
 * are given, and hands each message to receiveInboundMail. A database failure answers 451: the sender tries again.
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import type { Db } from "#db/client.server";
import { tokenFromAddress } from "~/domain/inbound/reply-address";
import { receiveInboundMail, type InboundResult } from "./inbound-mail.server";

export interface InboundSmtpOptions {
  domain: string;
  port: number;
  host?: string;
  maxBytes: number;
  tls?: { key: string | Buffer; cert: string | Buffer } | null;
  /** Told of every message handled (logs, tests). */
  onResult?: (result: InboundResult) => void;
  onError?: (error: unknown) => void;
}

export interface InboundSmtpServer {
  port: number;
  close(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

/** Reads the PEM files named by INBOUND_TLS_KEY / INBOUND_TLS_CERT. */
export function readTlsFiles(files: { keyFile: string; certFile: string } | null): { key: Buffer; cert: Buffer } | null {
  return files ? { key: readFileSync(files.keyFile), cert: readFileSync(files.certFile) } : null;
}

export async function startInboundSmtp(db: Db, options: InboundSmtpOptions): Promise<InboundSmtpServer> {
  const onError = options.onError ?? ((error: unknown) => console.error("inbound SMTP:", error));
  const config: SMTPServerOptions = {
    name: options.domain,
    banner: "Signet calendar replies",
    size: options.maxBytes,
    authOptional: true,
    disabledCommands: options.tls ? ["AUTH"] : ["AUTH", "STARTTLS"],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    logger: false,
    disableReverseLookup: true,
    maxClients: 50,
    socketTimeout: 60_000,
    onRcptTo(address, _session, callback) {
      if (tokenFromAddress(address.address, options.domain)) return callback();
      return callback(smtpError("5.1.1 No such recipient here", 550));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (stream.sizeExceeded) return callback(smtpError(`5.3.4 Message too big (at most ${options.maxBytes} bytes)`, 552));
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
        receiveInboundMail(db, Buffer.concat(chunks), { channel: "smtp", domain: options.domain, envelopeTo }).then(
          (result) => {
            options.onResult?.(result);
            callback();
          },
          (error: unknown) => {
            onError(error);
            callback(smtpError("4.3.0 Temporary failure, try again later", 451));
          },
        );
      });
    },
  };
  const server = new SMTPServer(config);
  server.on("error", onError);
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
