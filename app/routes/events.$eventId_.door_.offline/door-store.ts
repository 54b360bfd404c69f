/**
 * The door device's own storage, in IndexedDB through `idb`: the door list per event (with the counts and flags
 * that came with it) and the queue of scans waiting for the network. Browser only: call from effects and handlers.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { OfflineList, PendingScan } from "~/domain/check-in/door-offline";
import type { SyncedScan } from "~/domain/check-in/door-sync.schema";

export interface StoredList extends OfflineList {
  counts: { invited: number; answered: number; accepted: number; arrived: number; asOf: number };
  flags: DoorFlagView[];
  /** When this device received it (ms since the epoch). */
  fetchedAt: number;
}

export interface DoorFlagView {
  nonce: string;
  kind: "duplicate" | "refused";
  reason: string | null;
  name: string | null;
  deviceId: string;
  scannedAt: string;
  byName: string | null;
  firstAt: string | null;
  firstByName: string | null;
}

/** What the device saw happen, newest first (kept for the screen, not sent anywhere). */
export interface LocalEvent {
  id: string;
  eventId: string;
  at: string;
  kind: "accepted" | "already" | "refused" | "synced";
  name: string | null;
  reason?: string | null;
  answer?: SyncedScan["outcome"];
}

interface DoorDb extends DBSchema {
  lists: { key: string; value: StoredList };
  queue: { key: string; value: PendingScan; indexes: { byEvent: string } };
  log: { key: string; value: LocalEvent; indexes: { byEvent: string } };
}

let opening: Promise<IDBPDatabase<DoorDb>> | null = null;

export function doorDb(): Promise<IDBPDatabase<DoorDb>> {
  opening ??= openDB<DoorDb>("signet-door", 1, {
    upgrade(db) {
      db.createObjectStore("lists");
      db.createObjectStore("queue", { keyPath: "nonce" }).createIndex("byEvent", "eventId");
      db.createObjectStore("log", { keyPath: "id" }).createIndex("byEvent", "eventId");
    },
  });
  return opening;
}

export async function readList(eventId: string): Promise<StoredList | null> {
  return (await (await doorDb()).get("lists", eventId)) ?? null;
}

export async function saveList(list: StoredList): Promise<void> {
  await (await doorDb()).put("lists", list, list.event.id);
}

export async function readQueue(eventId: string): Promise<PendingScan[]> {
  const scans = await (await doorDb()).getAllFromIndex("queue", "byEvent", eventId);
  return scans.sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
}

export async function enqueue(scan: PendingScan): Promise<void> {
  await (await doorDb()).put("queue", scan);
}

export async function dequeue(nonces: readonly string[]): Promise<void> {
  const tx = (await doorDb()).transaction("queue", "readwrite");
  await Promise.all([...nonces.map((n) => tx.store.delete(n)), tx.done]);
}

export async function addLog(entry: LocalEvent): Promise<void> {
  await (await doorDb()).put("log", entry);
}

export async function readLog(eventId: string, limit = 30): Promise<LocalEvent[]> {
  const all = await (await doorDb()).getAllFromIndex("log", "byEvent", eventId);
  return all.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

/** "Forget this device": the list, the log and the queue of every event (the queue only once it is empty). */
export async function forgetEverything(): Promise<void> {
  const db = await doorDb();
  await Promise.all([db.clear("lists"), db.clear("log")]);
}

const DEVICE_KEY = "signet-door-device";

/** A random id this device keeps, so that the duplicates log can tell two phones apart. */
export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}
