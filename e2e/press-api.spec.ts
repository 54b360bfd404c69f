import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect } from "./fixtures";

// Tests run in parallel against one server: every event carries a suffix no other test uses.
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

interface SummaryJson {
  id: string;
  eventId: string;
  language: "vi" | "en";
  title: string;
  body: string;
  byline: string | null;
  status: string;
  version: number;
  slug: string | null;
  publicUrl: string | null;
  submittedBy: { id: string; name: string } | null;
  approvedBy: { id: string; name: string } | null;
  publishedBy: { id: string; name: string } | null;
  publishedAt: string | null;
  sources: { text: string; part: string; facts: string[] }[];
}

/** A JSON error in the API's format (never HTML, never a stack trace). */
async function expectError(response: APIResponse, status: number) {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(text).not.toMatch(/<html|<!DOCTYPE|\n\s+at /i);
  return JSON.parse(text) as { error: { code: string; message: string; fields: Record<string, string> } } & Record<string, unknown>;
}

async function createEvent(api: APIRequestContext): Promise<string> {
  const title = `Lễ ký kết ${suffix()}`;
  const response = await api.post("/api/v1/events", {
    data: {
      title,
      kind: "signing_ceremony",
      status: "completed",
      startsAt: "2024-10-17T14:00:00+07:00",
      endsAt: "2024-10-17T16:00:00+07:00",
      documents: [{ title: `Chương trình phối hợp ${title}`, periodStart: 2024, periodEnd: 2026 }],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test("press summaries API: draft (several per language), edit with versions, workflow with clear refusals", async ({ api, accounts }) => {
  const organizer = await api("organizer");
  const admin = await api("admin");
  const viewer = await api("viewer");
  const eventId = await createEvent(organizer);

  const created = await organizer.post(`/api/v1/events/${eventId}/press-summaries`, { data: { language: "vi" } });
  expect(created.status(), await created.text()).toBe(201);
  const summary = (await created.json()) as SummaryJson;
  expect(created.headers()["location"]).toBe(`/api/v1/press-summaries/${summary.id}`);
  expect(summary).toMatchObject({ eventId, language: "vi", status: "draft", version: 1, slug: null, publicUrl: null, byline: accounts.organizer.name });
  expect(summary.title.length).toBeGreaterThan(0);
  expect(summary.body).toContain("Chiều ngày 17/10");
  expect(summary.sources.length).toBeGreaterThan(0);

  // A second Vietnamese summary is a separate one.
  const again = await admin.post(`/api/v1/events/${eventId}/press-summaries`, { data: { language: "vi" } });
  expect(again.status()).toBe(201);
  const second = (await again.json()) as SummaryJson;
  expect(second.id).not.toBe(summary.id);
  const english = await organizer.post(`/api/v1/events/${eventId}/press-summaries`, { data: { language: "en" } });
  expect(english.status()).toBe(201);
  const list = (await (await viewer.get(`/api/v1/events/${eventId}/press-summaries`)).json()) as { data: SummaryJson[] };
  expect(list.data.map((s) => s.language)).toEqual(["vi", "vi", "en"]);

  // Bad input: 400/415/422 with a clear message, never a 5xx.
  const url = `/api/v1/events/${eventId}/press-summaries`;
  expect((await expectError(await organizer.post(url, { data: { language: "fr" } }), 422)).error.fields).toEqual({ language: "Please choose one of the options." });
  await expectError(await organizer.post(url, { data: "{not json", headers: { "Content-Type": "application/json" } }), 400);
  await expectError(await organizer.post(url, { data: "language=vi", headers: { "Content-Type": "text/plain" } }), 415);
  await expectError(await organizer.post(url, { data: [] }), 400);
  await expectError(await viewer.post(url, { data: { language: "vi" } }), 403);
  await expectError(await organizer.get("/api/v1/press-summaries/00000000-0000-4000-8000-000000000000"), 404);
  await expectError(await organizer.get("/api/v1/press-summaries/not-a-uuid"), 404);

  // PATCH with the version; an outdated version is a 409 carrying the current text.
  const one = `/api/v1/press-summaries/${summary.id}`;
  const patched = await organizer.patch(one, { data: { body: "Đoạn mới.\n\nĐoạn hai.", version: 1 } });
  expect(patched.status(), await patched.text()).toBe(200);
  expect(await patched.json()).toMatchObject({ version: 2, body: "Đoạn mới.\n\nĐoạn hai.", title: summary.title, byline: summary.byline });
  const stale = await expectError(await admin.patch(one, { data: { title: "Tiêu đề khác", version: 1 } }), 409);
  expect(stale.error.message).toBe("Someone else saved the summary meanwhile (version 2). Your text was not saved.");
  expect(stale.current).toMatchObject({ version: 2, body: "Đoạn mới.\n\nĐoạn hai." });
  expect(stale.savedBy).toMatchObject({ name: accounts.organizer.name });
  expect((await expectError(await organizer.patch(one, { data: { title: "x" } }), 422)).error.fields).toHaveProperty("version");
  await expectError(await organizer.patch(one, { data: { status: "published", version: 2 } }), 422);
  await expectError(await organizer.patch(one, { data: { version: 2 } }), 422);
  await expectError(await viewer.patch(one, { data: { body: "x", version: 2 } }), 403);
  const cleared = await organizer.patch(one, { data: { byline: null, version: 2 } });
  expect(await cleared.json()).toMatchObject({ byline: null, version: 3 });

  // Workflow: refusals first, then the path to publication.
  const step = (who: APIRequestContext, body: Record<string, unknown>) => who.post(`${one}/transition`, { data: body });
  const early = await expectError(await step(admin, { to: "published" }), 409);
  expect(early.error.message).toBe("Not yet: a summary must be approved before it is published.");
  await expectError(await step(organizer, { to: "done" }), 422);
  await expectError(await step(viewer, { to: "in_review" }), 403);
  const submitted = await step(organizer, { to: "in_review", version: 3 });
  expect(submitted.status(), await submitted.text()).toBe(200);
  expect(await submitted.json()).toMatchObject({ status: "in_review", transition: "submit", submittedBy: { id: accounts.organizer.id } });
  const organizerApproves = await expectError(await step(organizer, { to: "approved" }), 403);
  expect(organizerApproves.error.message).toBe("Only communications staff or admins may approve a summary.");
  const noReason = await expectError(await step(admin, { to: "draft" }), 422);
  expect(noReason.error.fields).toEqual({ comment: "When sending back, say why, so the author knows what to change." });
  await expectError(await step(admin, { to: "approved", version: 1 }), 409);
  expect((await (await step(admin, { to: "approved" })).json()) as SummaryJson).toMatchObject({ status: "approved", approvedBy: { id: accounts.admin.id } });
  await expectError(await step(organizer, { to: "published" }), 403);
  const published = (await (await step(admin, { to: "published" })).json()) as SummaryJson;
  expect(published).toMatchObject({ status: "published", publishedBy: { id: accounts.admin.id } });
  expect(published.slug).toMatch(/-\d\d-\d\d-\d{4}(-\d+)?$/);
  expect(published.publicUrl).toBe(`/press/${published.slug}`);
  await expectError(await step(admin, { to: "published" }), 409);
  // A correction by an organizer is refused; by an approver it stays published with the same slug.
  await expectError(await organizer.patch(one, { data: { body: "Đính chính.", version: published.version } }), 403);
  const corrected = await admin.patch(one, { data: { body: "Đính chính.", version: published.version } });
  expect(await corrected.json()).toMatchObject({ status: "published", slug: published.slug, correction: true });
  const unpublished = (await (await step(admin, { to: "draft" })).json()) as SummaryJson;
  expect(unpublished).toMatchObject({ status: "draft", slug: published.slug, publicUrl: null });
  // Methods not served: 405 with Allow.
  const wrong = await organizer.delete(one);
  expect(wrong.status()).toBe(405);
});

test("press summaries API: comments, history with diffs, and redraft from changed data keeping the human edit", async ({ api, accounts }) => {
  const organizer = await api("organizer");
  const viewer = await api("viewer");
  const eventId = await createEvent(organizer);
  const summary = (await (await organizer.post(`/api/v1/events/${eventId}/press-summaries`, { data: { language: "vi" } })).json()) as SummaryJson;
  const one = `/api/v1/press-summaries/${summary.id}`;

  // A human paragraph at the end; then the event's data changes: it moves to the morning (the lead changes) and a
  // dignitary is added (a new attendance paragraph).
  const human = "Đoạn do phóng viên viết thêm sau buổi lễ.";
  const edited = await organizer.patch(one, { data: { body: `${summary.body}\n\n${human}`, version: 1 } });
  expect(edited.status(), await edited.text()).toBe(200);
  const moved = await organizer.patch(`/api/v1/events/${eventId}`, { data: { startsAt: "2024-10-17T09:00:00+07:00", endsAt: "2024-10-17T11:00:00+07:00" } });
  expect(moved.status(), await moved.text()).toBe(200);
  const dignitary = await organizer.post(`/api/v1/events/${eventId}/dignitaries`, {
    data: { honorific: "đồng chí", name: "Phạm Văn Mới", positions: ["Phó Chủ tịch UBND tỉnh"] },
  });
  expect(dignitary.status(), await dignitary.text()).toBe(201);

  // Redraft: refused for viewers, for bad input and from an outdated version (409 with the current text).
  await expectError(await viewer.post(`${one}/redraft`, { data: { version: 2 } }), 403);
  expect((await expectError(await organizer.post(`${one}/redraft`, { data: { version: "hai" } }), 422)).error.fields).toHaveProperty("version");
  const stale = await expectError(await organizer.post(`${one}/redraft`, { data: { version: 1 } }), 409);
  expect(stale.current).toMatchObject({ version: 2 });
  const redrafted = await organizer.post(`${one}/redraft`, { data: { version: 2 } });
  expect(redrafted.status(), await redrafted.text()).toBe(200);
  const result = (await redrafted.json()) as SummaryJson & {
    report: { unchanged: boolean; changes: { kind: string; outcome: string; before: string; after: string }[]; conflicts: unknown[] };
  };
  expect(result.version).toBe(3);
  // The data's changes are applied (the lead, the new attendance paragraph); the human paragraph stays, last.
  expect(result.body.split("\n\n")).toEqual([
    expect.stringMatching(/^Sáng ngày 17\/10/),
    "Đồng chí Phạm Văn Mới, Phó Chủ tịch UBND tỉnh tới dự lễ ký kết.",
    human,
  ]);
  expect(result.report.unchanged).toBe(false);
  expect(result.report.changes, JSON.stringify(result.report.changes)).toEqual([
    // One run of paragraphs changed by the data: the lead, and the attendance paragraph after it.
    { kind: "changed", outcome: "applied", before: expect.stringMatching(/^Chiều ngày 17\/10/), after: result.body.split("\n\n").slice(0, 2).join("\n\n") },
  ]);
  expect(result.report.conflicts).toEqual([]);
  // Nothing changed since: a second redraft says so and records no version.
  const again = (await (await organizer.post(`${one}/redraft`, { data: { version: 3 } })).json()) as typeof result;
  expect(again).toMatchObject({ version: 3, report: { unchanged: true } });

  // History, newest first, and one version with its diff from another.
  const history = (await (await viewer.get(`${one}/versions`)).json()) as { data: { version: number; kind: string; author: { name: string } | null; body?: string }[] };
  expect(history.data.map((v) => [v.version, v.kind])).toEqual([
    [3, "regenerated"],
    [2, "edited"],
    [1, "generated"],
  ]);
  expect(history.data[0]!.author).toMatchObject({ name: accounts.organizer.name });
  expect(history.data[0]).not.toHaveProperty("body");
  const third = await viewer.get(`${one}/versions/3?from=1`);
  expect(third.status(), await third.text()).toBe(200);
  const withDiff = (await third.json()) as { version: number; body: string; diff: { from: number; same: boolean; body: unknown[] } };
  expect(withDiff).toMatchObject({ version: 3, body: result.body, diff: { from: 1, same: false } });
  expect(JSON.stringify(withDiff.diff.body)).toContain("Sáng");
  expect(((await (await viewer.get(`${one}/versions/1`)).json()) as { body: string }).body).toBe(summary.body);
  await expectError(await viewer.get(`${one}/versions/9`), 404);
  await expectError(await viewer.get(`${one}/versions/abc`), 404);
  expect((await expectError(await viewer.get(`${one}/versions/3?from=x`), 422)).error.fields).toHaveProperty("from");
  expect((await expectError(await viewer.get(`${one}/versions/3?from=7`), 422)).error.fields).toHaveProperty("from");

  // Comments: on the current version, by those who may edit or approve; read by anyone on the event.
  await expectError(await viewer.post(`${one}/comments`, { data: { body: "Góp ý" } }), 403);
  expect((await expectError(await organizer.post(`${one}/comments`, { data: { body: "   " } }), 422)).error.fields).toHaveProperty("body");
  await expectError(await organizer.post(`${one}/comments`, { data: ["Góp ý"] }), 400);
  const comment = await organizer.post(`${one}/comments`, { data: { body: "Cần kiểm tra lại chức danh của đồng chí Phạm Văn Mới." } });
  expect(comment.status(), await comment.text()).toBe(201);
  expect(await comment.json()).toMatchObject({ version: 3, author: { id: accounts.organizer.id }, body: "Cần kiểm tra lại chức danh của đồng chí Phạm Văn Mới." });
  const thread = (await (await viewer.get(`${one}/comments`)).json()) as { data: { body: string }[] };
  expect(thread.data.map((c) => c.body)).toEqual(["Cần kiểm tra lại chức danh của đồng chí Phạm Văn Mới."]);
  expect((await organizer.delete(`${one}/comments`)).status()).toBe(405);
});
