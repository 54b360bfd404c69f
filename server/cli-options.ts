/**
 * The operator CLI's options (server/cli.ts), parsed and checked without a database: what the command line
 * says, or the message to print. Tested in cli-options.test.ts; the CLI itself in cli.server.test.ts.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { userRoles } from "~/domain/access/permissions";

export const usage = `Usage:
  npm run signet -- user:create --email E --name N --role admin|organizer|communications|viewer [--password P]
  npm run signet -- token:create --email E [--name LABEL] [--scopes read|write|read,write] [--event EVENT_ID] [--expires-days N]
  npm run signet -- storage:migrate --to s3://BUCKET/PREFIX?endpoint=URL&region=R&forcePathStyle=1 [--from file:./data/media]
    copies every stored photo file to the target and verifies each by SHA-256 (the source is left as it is)`;

const userSchema = z.object({
  email: z.string({ required_error: "--email is required" }).trim().email("--email is not a valid address"),
  name: z.string({ required_error: "--name is required" }).trim().min(1, "--name is required").max(200),
  role: z.enum(userRoles, { errorMap: () => ({ message: `--role must be one of: ${userRoles.join(", ")}` }) }),
  password: z.string().min(12, "--password must be at least 12 characters").max(200).optional(),
});

export interface TokenOptions {
  email: string;
  name: string;
  scopes: ("read" | "write")[];
  eventId: string | null;
  expiresDays: number | null;
}

export type CliCommand =
  | { command: "user:create"; user: z.infer<typeof userSchema> }
  | { command: "token:create"; token: TokenOptions }
  | { command: "storage:migrate"; from: string | null; to: string }
  | { error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseCli(argv: string[]): CliCommand {
  const [command, ...rest] = argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        password: { type: "string" },
        scopes: { type: "string" },
        event: { type: "string" },
        "expires-days": { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    return { error: `${(error as Error).message}\n\n${usage}` };
  }
  if (command === "user:create") {
    const parsed = userSchema.safeParse(values);
    if (!parsed.success) return { error: `${parsed.error.issues.map((i) => i.message).join("\n")}\n\n${usage}` };
    return { command, user: parsed.data };
  }
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string).trim() : null);
  if (command === "storage:migrate") {
    const to = text("to");
    if (!to) return { error: `--to is required\n\n${usage}` };
    return { command, from: text("from") || null, to };
  }
  if (command !== "token:create") return { error: usage };
  const email = text("email");
  if (!email) return { error: `--email is required\n\n${usage}` };
  const name = text("name") ?? "CLI";
  if (name === "" || name.length > 100) return { error: `--name must be 1 to 100 characters\n\n${usage}` };
  const scopes = (text("scopes") ?? "read,write").split(",").map((s) => s.trim());
  if (scopes.some((s) => s !== "read" && s !== "write")) return { error: `--scopes must be read, write or read,write\n\n${usage}` };
  const eventId = text("event");
  if (eventId !== null && !UUID.test(eventId)) return { error: `--event must be an event id (a UUID)\n\n${usage}` };
  const rawDays = text("expires-days");
  const expiresDays = rawDays === null ? null : /^\d{1,4}$/.test(rawDays) ? Number(rawDays) : NaN;
  if (expiresDays !== null && !(expiresDays >= 1 && expiresDays <= 3650))
    return { error: `--expires-days must be a whole number from 1 to 3650\n\n${usage}` };
  return {
    command,
    token: { email, name, scopes: [...new Set(scopes)] as ("read" | "write")[], eventId: eventId?.toLowerCase() ?? null, expiresDays },
  };
}
