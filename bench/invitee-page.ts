/**
 * The invitee's page under load, against the 404 page (root + layout render) of the same server in the same run:
 * requests per second and p99 at 32 connections (autocannon), the server's memory idle / after / settled, and the
 * gzip size of the JavaScript each page loads (and whether HTML and JS came compressed).
 */
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { createEvent, createInvitation, createOrganization, createUser } from "#db/factories";
import { insertSigningTemplate } from "~/services/agenda.server";
import { issueInvitationToken } from "~/services/invitation-links.server";
import { fmt, median, sleep, startServer, type Kind, type Row, type Scratch } from "./support";

export interface InviteeOptions {
  port: number;
  seconds: number;
  connections: number;
  rounds: number;
}

async function seed(scratch: Scratch): Promise<string> {
  const db = scratch.database.db;
  const user = await createUser(db, { role: "organizer" });
  const host = await createOrganization(db, { nameVi: "Sở Giáo dục và Đào tạo tỉnh Thái Bình", nameEn: "Thai Binh Department of Education" });
  const event = await createEvent(db, user, {
    title: "Lễ ký kết thỏa thuận hợp tác giáo dục",
    venueName: "Trung tâm Hội nghị tỉnh",
    venueAddress: "Số 1 Lê Lợi, TP Thái Bình",
    description: "Lễ ký kết giữa hai bên về hợp tác đào tạo.",
    hostOrganizationId: host.id,
  });
  await insertSigningTemplate(db, user, event.id, "vi");
  const { invitation } = await createInvitation(db, { eventId: event.id, status: "accepted" });
  return issueInvitationToken(db, invitation.id);
}

interface Shot {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function shoot(url: string, headers: Record<string, string>, o: InviteeOptions): Promise<Shot> {
  const result = await autocannon({ url, connections: o.connections, duration: o.seconds, headers });
  // Completed responses over the run's length (the per-second average reads 0 when answers take over a second).
  return { rps: result.requests.total / o.seconds, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

/** Gzip bytes of the page's scripts (as served, or gzipped here when the server sent them raw). */
async function scriptBytes(base: string, pagePath: string, headers: Record<string, string>) {
  const page = await fetch(base + pagePath, { headers: { ...headers, "accept-encoding": "gzip" } });
  const htmlEncoding = page.headers.get("content-encoding");
  const html = await page.text();
  const srcs = new Set<string>();
  for (const m of html.matchAll(/(?:src|href)="(\/build\/[^"]+\.js)"/g)) srcs.add(m[1]!);
  for (const m of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"(\/build\/[^"]+\.js)"/g)) srcs.add(m[1]!);
  let gzip = 0;
  const encodings = new Set<string>();
  for (const src of srcs) {
    // fetch() decodes the body; the compressed size is measured by gzipping what it returns (same level as
    // compression's default), and whether the server compressed it is read from the header.
    const res = await fetch(base + src, { headers: { "accept-encoding": "gzip" } });
    const body = Buffer.from(await res.arrayBuffer());
    // compression leaves bodies under 1 KiB as they are (gzip would not make them smaller).
    if (body.length >= 1024) encodings.add(res.headers.get("content-encoding") ?? "none");
    gzip += gzipSync(body).length;
  }
  return { files: srcs.size, gzip, htmlEncoding: htmlEncoding ?? "none", jsEncodings: [...encodings] };
}

export async function inviteeBench(scratch: Scratch, o: InviteeOptions): Promise<Row[]> {
  const token = await seed(scratch);
  await scratch.close();
  const server = await startServer(scratch, o.port);
  const kind: Kind = scratch.kind;
  try {
    const link = await fetch(`${server.url}/i/${token}`, { redirect: "manual" });
    const cookie = link.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const check = await fetch(`${server.url}/invitation`, { headers: { cookie } });
    if (check.status !== 200) throw new Error(`invitee page answered ${check.status}`);
    const checkHtml = await check.text();
    if (!checkHtml.includes("checkin-qr")) throw new Error("invitee page shows no QR code");
    const notFound = await fetch(`${server.url}/khong-co-trang-nay`);
    if (notFound.status !== 404) throw new Error(`404 page answered ${notFound.status}`);

    // Warm both (JIT, plan caches), then measure idle memory.
    await shoot(`${server.url}/khong-co-trang-nay`, {}, { ...o, seconds: 2 });
    await shoot(`${server.url}/invitation`, { cookie }, { ...o, seconds: 2 });
    await sleep(2000);
    const idle = server.rssMb();

    const base: Shot[] = [];
    const page: Shot[] = [];
    let peak = idle;
    for (let i = 0; i < o.rounds; i++) {
      base.push(await shoot(`${server.url}/khong-co-trang-nay`, {}, o));
      page.push(await shoot(`${server.url}/invitation`, { cookie }, o));
      peak = Math.max(peak, server.rssMb());
    }
    const after = server.rssMb();
    await sleep(5000);
    const settled = server.rssMb();

    const rpsRatio = median(page.map((s) => s.rps)) / median(base.map((s) => s.rps));
    const p99Ratio = median(page.map((s) => s.p99)) / median(base.map((s) => s.p99));
    const blank = await scriptBytes(server.url, "/khong-co-trang-nay", {});
    const invitee = await scriptBytes(server.url, "/invitation", { cookie });
    const jsRatio = invitee.gzip / blank.gzip;
    const compressed = invitee.htmlEncoding === "gzip" && invitee.jsEncodings.every((e) => e === "gzip");
    const errors = [...base, ...page].reduce((n, s) => n + s.errors + s.non2xx, 0) - base.reduce((n, s) => n + s.non2xx, 0);
    return [
      {
        kind,
        scenario: `invitee page, ${o.connections} connections: rps`,
        baseline: "404 page",
        measured: `${fmt(median(page.map((s) => s.rps)), 0)} vs ${fmt(median(base.map((s) => s.rps)), 0)} rps`,
        ratio: rpsRatio,
        goal: "≥ 0.8",
        met: rpsRatio >= 0.8,
        details: { page, base, errors },
      },
      {
        kind,
        scenario: "invitee page: p99",
        baseline: "404 page",
        measured: `${fmt(median(page.map((s) => s.p99)), 0)} vs ${fmt(median(base.map((s) => s.p99)), 0)} ms`,
        ratio: p99Ratio,
        goal: "≤ 1.5",
        met: p99Ratio <= 1.5,
      },
      {
        kind,
        scenario: "server memory after the load (settled 5 s)",
        baseline: "same server idle",
        measured: `${fmt(idle, 0)} → peak ${fmt(peak, 0)} → ${fmt(after, 0)} → ${fmt(settled, 0)} MB`,
        ratio: settled / idle,
        goal: "≤ 1.5",
        met: settled / idle <= 1.5,
        details: { idle, peak, after, settled },
      },
      {
        kind,
        scenario: "invitee page JavaScript (gzip)",
        baseline: "404 page",
        measured: `${fmt(invitee.gzip / 1024, 1)} vs ${fmt(blank.gzip / 1024, 1)} KiB; HTML ${invitee.htmlEncoding}, JS ${invitee.jsEncodings.join("/")}`,
        ratio: jsRatio,
        goal: "≤ 1.2, compressed",
        met: jsRatio <= 1.2 && compressed,
        details: { invitee, blank },
      },
    ];
  } finally {
    await server.stop();
    scratch.reopen();
  }
}
