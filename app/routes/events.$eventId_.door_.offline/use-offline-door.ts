/**
 * The offline door's state: the list and queue from IndexedDB, the network, and the two things it does with the
 * network — upload the queue (POST /events/:id/door/sync) and take a fresh list (GET /events/:id/door/list). Every
 * scan is decided on the device first (signature, revocation list, duplicates on this device), queued with a nonce
 * and the scan time, and uploaded at once when online, or when the network returns.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { decideScan, type LocalDecision, type PendingScan } from "~/domain/check-in/door-offline";
import type { SyncedScan } from "~/domain/check-in/door-sync.schema";
import { importTicketKey, parseTicket, verifyTicket } from "~/domain/check-in/ticket";
import { addLog, deviceId, dequeue, enqueue, readList, readLog, readQueue, saveList, type LocalEvent, type StoredList } from "./door-store";

/** How often, while online, the device uploads what is waiting and takes a fresh list. */
export const DOOR_REFRESH_MS = 15_000;

export interface DoorState {
  ready: boolean;
  online: boolean;
  list: StoredList | null;
  queue: PendingScan[];
  log: LocalEvent[];
  syncing: boolean;
  /** Last answers from the server for this device's scans (duplicates and refusals stay on screen). */
  answers: SyncedScan[];
  listError: boolean;
}

async function fetchList(eventId: string): Promise<StoredList | null> {
  const response = await fetch(`/events/${eventId}/door/list`, { headers: { Accept: "application/json" }, cache: "no-store" });
  if (!response.ok || !response.headers.get("Content-Type")?.includes("application/json")) return null;
  const body = (await response.json()) as Omit<StoredList, "fetchedAt">;
  return { ...body, fetchedAt: Date.now() };
}

export function useOfflineDoor(eventId: string) {
  const [state, setState] = useState<DoorState>({ ready: false, online: true, list: null, queue: [], log: [], syncing: false, answers: [], listError: false });
  const keyRef = useRef<{ publicKey: string; key: Promise<CryptoKey> } | null>(null);
  const busy = useRef(false);

  const reload = useCallback(async () => {
    const [list, queue, log] = await Promise.all([readList(eventId), readQueue(eventId), readLog(eventId)]);
    setState((s) => ({ ...s, ready: true, list, queue, log }));
    return { list, queue };
  }, [eventId]);

  /** Uploads the queue, then takes a fresh list. Quietly does nothing when the network is not there. */
  const sync = useCallback(async () => {
    if (busy.current || !navigator.onLine) return;
    busy.current = true;
    setState((s) => ({ ...s, syncing: true }));
    try {
      const queue = await readQueue(eventId);
      if (queue.length) {
        const response = await fetch(`/events/${eventId}/door/sync`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({
            deviceId: deviceId(),
            scans: queue.map((s) => (s.code ? { nonce: s.nonce, scannedAt: s.scannedAt, code: s.code } : { nonce: s.nonce, scannedAt: s.scannedAt, invitationId: s.invitationId })),
          }),
        });
        if (response.ok) {
          const { answers } = (await response.json()) as { answers: SyncedScan[] };
          await dequeue(answers.filter((a) => a.outcome !== "pending").map((a) => a.nonce));
          for (const a of answers)
            if (a.outcome !== "pending")
              await addLog({ id: `sync-${a.nonce}`, eventId, at: new Date().toISOString(), kind: "synced", name: a.name ?? null, reason: a.reason ?? null, answer: a.outcome });
          setState((s) => ({ ...s, answers: [...answers.filter((a) => a.outcome === "duplicate" || a.outcome === "refused"), ...s.answers].slice(0, 20) }));
        }
      }
      const fresh = await fetchList(eventId);
      if (fresh) await saveList(fresh);
      setState((s) => ({ ...s, listError: !fresh && !s.list }));
    } catch {
      // The network went away mid-way: what was not answered stays queued.
    } finally {
      busy.current = false;
      await reload();
      setState((s) => ({ ...s, syncing: false, online: navigator.onLine }));
    }
  }, [eventId, reload]);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const onOnline = () => {
      setState((s) => ({ ...s, online: true }));
      void sync();
    };
    const onOffline = () => setState((s) => ({ ...s, online: false }));
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    setState((s) => ({ ...s, online: navigator.onLine }));
    void reload().then(() => sync());
    timer = setInterval(() => void sync(), DOOR_REFRESH_MS);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      clearInterval(timer);
      timer = undefined;
    };
  }, [reload, sync]);

  const key = useCallback((publicKey: string) => {
    if (keyRef.current?.publicKey !== publicKey) keyRef.current = { publicKey, key: importTicketKey(publicKey) };
    return keyRef.current.key;
  }, []);

  /** Decides a scan (QR text, or a guest picked by name) on the device, queues it when accepted, and syncs. */
  const scan = useCallback(
    async (input: { code: string } | { invitationId: string }): Promise<LocalDecision | null> => {
      const { list, queue } = await reload();
      if (!list) return null;
      const parsed = "code" in input ? parseTicket(input.code) : ({ kind: "byName", invitationId: input.invitationId } as const);
      const genuine = parsed?.kind === "signed" ? await verifyTicket(parsed, await key(list.publicKey)).catch(() => false) : false;
      const decision = decideScan(list, queue, parsed, genuine);
      const now = new Date().toISOString();
      const name = decision.guest ? [decision.guest.honorific, decision.guest.fullName].filter(Boolean).join(" ") : null;
      if (decision.kind === "accept") {
        const nonce = crypto.randomUUID();
        await enqueue({
          nonce,
          eventId,
          scannedAt: now,
          ...("code" in input ? { code: input.code.trim() } : { invitationId: input.invitationId }),
          guestId: decision.guest?.invitationId ?? decision.invitationId,
          provisional: decision.provisional,
        });
        await addLog({ id: nonce, eventId, at: now, kind: "accepted", name });
      } else {
        await addLog({ id: crypto.randomUUID(), eventId, at: now, kind: decision.kind === "already" ? "already" : "refused", name, reason: decision.kind === "refuse" ? decision.reason : null });
      }
      await reload();
      if (decision.kind === "accept") void sync();
      return decision;
    },
    [eventId, key, reload, sync],
  );

  return { state, scan, sync };
}
