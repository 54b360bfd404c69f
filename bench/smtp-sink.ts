/**
 * A minimal SMTP sink on loopback for the mail bench: accepts every message at once and only counts them.
 * Not smtp-server: that one waits 100 ms before each greeting (its "early talker" check), which would cap a
 * connection-per-message baseline at ≈ 10 messages a second and hide what the outbox itself costs.
 * Speaks just what nodemailer uses without TLS or AUTH: EHLO/HELO, MAIL, RCPT, DATA (dot-terminated), RSET,
 * NOOP, QUIT.
 */
import net from "node:net";

export interface SmtpSink {
  port: number;
  received: () => number;
  close: () => Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  let received = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.setNoDelay(true);
    let buffer = "";
    let inData = false;
    socket.write("220 sink.local ESMTP bench sink\r\n");
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("latin1");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          // A message whose first line is the terminator ("\r\n" was the end of DATA's reply).
          const immediate = buffer.startsWith(".\r\n") ? 0 : -1;
          if (end === -1 && immediate === -1) return;
          buffer = immediate === 0 ? buffer.slice(3) : buffer.slice(end + 5);
          inData = false;
          received += 1;
          socket.write("250 2.0.0 Ok: queued\r\n");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") socket.write("250-sink.local\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
        else if (verb === "HELO") socket.write("250 sink.local\r\n");
        else if (verb === "DATA") {
          inData = true;
          socket.write("354 End data with <CR><LF>.<CR><LF>\r\n");
        } else if (verb === "QUIT") {
          socket.end("221 Bye\r\n");
          return;
        } else socket.write("250 Ok\r\n"); // MAIL, RCPT, RSET, NOOP
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
