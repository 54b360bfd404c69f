/** What a door device uploads: its queued scans, each with the nonce and the device's scan time. Client-safe. */
import { z } from "zod";
import { isInstantInBounds } from "../dates/phrasing";

export const MAX_SCANS_PER_UPLOAD = 200;

export const queuedScanSchema = z
  .object({
    nonce: z.string().uuid(),
    scannedAt: z
      .string()
      .datetime({ offset: true })
      .refine((s) => isInstantInBounds(new Date(s))),
    /** The text of the QR code, when the guest was scanned. */
    code: z.string().trim().min(1).max(300).optional(),
    /** The invitation, when staff found the guest by name. */
    invitationId: z.string().uuid().optional(),
  })
  .strict()
  .refine((s) => (s.code === undefined) !== (s.invitationId === undefined), { message: "code or invitationId", path: ["code"] });

export const doorSyncSchema = z
  .object({
    deviceId: z.string().trim().min(1).max(64),
    scans: z.array(queuedScanSchema).max(MAX_SCANS_PER_UPLOAD),
  })
  .strict();

export type QueuedScan = z.infer<typeof queuedScanSchema>;
export type DoorSyncInput = z.infer<typeof doorSyncSchema>;

/** The server's answer for one scan. `pending`: another upload of the same scan is being applied — send it again later. */
export interface SyncedScan {
  nonce: string;
  outcome: "checkedIn" | "duplicate" | "refused" | "pending";
  reason?: string | null;
  invitationId?: string | null;
  name?: string | null;
  firstAt?: string | null;
  firstByName?: string | null;
}
