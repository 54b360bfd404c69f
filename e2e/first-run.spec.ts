import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SEED_TITLE, test, expect } from "./fixtures";

const run = promisify(execFile);
// Each test starts a server of its own, which builds the app into the same folder: one at a time.
test.describe.configure({ mode: "default" });
const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

/** Up to 90 s: a first start migrates a new database and renders the demo's photos, on a busy 2-core machine. */
async function waitForHealth(url: string, child: ChildProcess) {
  for (let i = 0; i < 360; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      // Bounded: a port something else holds without answering must not hang the test past its timeout.
      if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start");
}

// An empty embedded database of its own, served without demo data: the setup page, then the operator CLI.
test("first run without demo data: /setup creates the first admin; the CLI creates users and tokens", async ({ browser }) => {
  test.setTimeout(240_000); // four tsx starts (server + CLI) on a busy 2-core machine
  const dataDir = mkdtempSync(path.join(tmpdir(), "signet-first-run-"));
  const port = 3300 + (process.pid % 100);
  // The embedded database even when the suite runs against PostgreSQL.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env = { ...inherited, DATA_DIR: dataDir, PORT: String(port), SIGNET_DEMO: "0" };
  const server = spawn(tsx, [path.join(root, "server", "index.ts")], { cwd: root, env, stdio: "pipe" });
  let output = "";
  server.stdout?.on("data", (d) => (output += String(d)));
  // Drain stderr too: a child writing to a full, unread pipe blocks.
  server.stderr?.on("data", (d) => (output += String(d)));
  try {
    await waitForHealth(`http://localhost:${port}/healthz`, server).catch((error: Error) => {
      throw new Error(`${error.message}; the server said:\n${output}`);
    });
    expect(output).toContain("/setup");
    const page = await browser.newPage({ locale: "vi-VN" });
    await page.goto(`http://localhost:${port}/`);
    await expect(page).toHaveURL(/\/setup$/);
    await page.getByLabel("Họ và tên").fill("Quản trị Thái Bình");
    await page.getByLabel("Email").fill("quantri@signet.test");
    await page.getByLabel(/^Mật khẩu/).fill("ngan");
    await page.getByRole("button", { name: "Tạo tài khoản quản trị" }).click();
    await expect(page.getByText("Cần ít nhất 12 ký tự.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("quantri@signet.test");
    await page.getByLabel(/^Mật khẩu/).fill("mot-mat-khau-du-dai");
    await page.getByRole("button", { name: "Tạo tài khoản quản trị" }).click();
    await expect(page).toHaveURL(/\/events$/);
    await expect(page.getByText("Chưa có sự kiện nào.")).toBeVisible();
    expect((await page.goto(`http://localhost:${port}/setup`))?.status()).toBe(404);

    // While the server holds the embedded database, the CLI says so instead of opening it.
    const refused = await run(tsx, [path.join(root, "server", "cli.ts"), "token:create", "--email", "quantri@signet.test"], {
      cwd: root,
      env,
    }).catch((e: { code: number; stderr: string }) => e);
    expect("code" in refused && refused.code).toBe(1);
    expect((refused as { stderr: string }).stderr).toContain("holds the embedded database");
  } finally {
    // A server that already exited (it failed to start) has no exit left to wait for.
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
  }

  const created = await run(
    tsx,
    [path.join(root, "server", "cli.ts"), "user:create", "--email", "bientap@signet.test", "--name", "Biên tập viên", "--role", "communications"],
    { cwd: root, env },
  );
  expect(created.stdout).toContain("Created communications bientap@signet.test");
  expect(created.stdout).toMatch(/Password: \S{20,}/);
  const bad = await run(tsx, [path.join(root, "server", "cli.ts"), "user:create", "--email", "x@y.z", "--name", "X", "--role", "boss"], {
    cwd: root,
    env,
  }).catch((e: { code: number; stderr: string }) => e);
  expect((bad as { stderr: string }).stderr).toContain("--role must be one of");
  const token = await run(tsx, [path.join(root, "server", "cli.ts"), "token:create", "--email", "quantri@signet.test"], { cwd: root, env });
  const lines = token.stdout.trim().split("\n");
  expect(lines.at(-1)).toMatch(/^sgt_[A-Za-z0-9_-]{40,}$/);
  rmSync(dataDir, { recursive: true, force: true });
});

// A fresh install with the demo (the default): the first screen shows the demo ceremony and says what Signet is.
test("first run with the demo: the events list opens on the demo and explains Signet, in Vietnamese and English", async ({ browser }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "signet-first-demo-"));
  const port = 3500 + (process.pid % 100);
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  // The lines a person sees on a terminal (the server writes JSON when stdout is a pipe): the demo accounts' table.
  const env = { ...inherited, DATA_DIR: dataDir, PORT: String(port), SIGNET_DEMO: "1", LOG_FORMAT: "text" };
  const server = spawn(tsx, [path.join(root, "server", "index.ts")], { cwd: root, env, stdio: "pipe" });
  let output = "";
  server.stdout?.on("data", (d) => (output += String(d)));
  server.stderr?.on("data", (d) => (output += String(d)));
  try {
    await waitForHealth(`http://localhost:${port}/healthz`, server).catch((error: Error) => {
      throw new Error(`${error.message}; the server said:\n${output}`);
    });
    const password = /admin\s+admin@signet\.local\s+(\S+)/.exec(output)?.[1];
    expect(password, output).toBeTruthy();
    const page = await browser.newPage({ locale: "vi-VN" });
    await page.goto(`http://localhost:${port}/`);
    await page.getByLabel("Email").fill("admin@signet.local");
    await page.getByLabel("Mật khẩu").fill(password!);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/\/events$/);

    const intro = page.getByRole("region", { name: "Signet là gì?" });
    await expect(intro).toContainText("lễ ký kết");
    await expect(page.getByText("Chưa có sự kiện nào.")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Đã diễn ra (2)" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Chưa có sự kiện sắp diễn ra: đang hiện các sự kiện đã diễn ra.")).toBeVisible();
    await expect(page.getByRole("link", { name: SEED_TITLE })).toBeVisible();
    if (process.env.NAV_SHOTS) {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.screenshot({ path: `${process.env.NAV_SHOTS}/first-screen-1366.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${process.env.NAV_SHOTS}/first-screen-390.png`, fullPage: true });
    }
    // "Upcoming" asked for is still upcoming (empty), and the intro stays.
    await page.getByRole("link", { name: "Sắp diễn ra (0)" }).click();
    await expect(page.getByText("Chưa có sự kiện nào.")).toBeVisible();
    await expect(intro).toBeVisible();

    await intro.getByRole("link", { name: "Xem sự kiện mẫu" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_TITLE);

    // The language is saved by the click's request: wait for it (the toggle then offers the other language) before
    // leaving the page, or the next page can be asked for before the choice is saved.
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("button", { name: "Tiếng Việt" })).toBeVisible();
    await page.goto(`http://localhost:${port}/events`);
    await expect(page.getByRole("region", { name: "What is Signet?" })).toContainText("signing ceremonies");
    await expect(page.getByRole("link", { name: "Past (2)" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("link", { name: "Open the demo event" })).toBeVisible();

    // The office's first event of its own: no longer a fresh install, the explanation gives way to the list.
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await expect(page.getByRole("button", { name: "English" })).toBeVisible();
    await page.goto(`http://localhost:${port}/events/new`);
    await page.getByLabel("Tên sự kiện", { exact: true }).fill("Hội nghị đầu tiên");
    await page.getByLabel("Trạng thái").selectOption("scheduled");
    await page.getByLabel("Bắt đầu").fill("2040-05-20T09:00");
    await page.getByLabel("Kết thúc").fill("2040-05-20T11:00");
    await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã tạo sự kiện.");
    await page.goto(`http://localhost:${port}/events`);
    await expect(page.getByRole("link", { name: "Sắp diễn ra (1)" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("link", { name: "Hội nghị đầu tiên" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Signet là gì?" })).toHaveCount(0);
  } finally {
    // A server that already exited (it failed to start) has no exit left to wait for.
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
});
