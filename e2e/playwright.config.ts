import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  throw new Error(
    `Chromium not found at ${chromium}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
}
export const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The e2e server takes calendar replies for this domain on this loopback port (e2e/calendar-replies.spec.ts). */
export const INBOUND_DOMAIN = "rsvp.signet.test";
export const INBOUND_SMTP_PORT = PORT + 20_000;

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "../playwright-report" }]],
  outputDir: "../test-results",
  // A journey takes 10–20 s here and 2–3× that when the CI machine is busy (the run of e34ea12 took 16 minutes and
  // two 15-second journeys hit a 30-second limit); a hang still fails, a minute later.
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "vi-VN",
    timezoneId: "America/New_York",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "npx tsx e2e/serve.ts",
    cwd: "..",
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    // It builds first when the build is older than the sources: minutes on a loaded 2-core machine.
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT), INBOUND_DOMAIN, INBOUND_SMTP_PORT: String(INBOUND_SMTP_PORT), INBOUND_SMTP_HOST: "127.0.0.1" },
  },
});
