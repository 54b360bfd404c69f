/** The demo ceremony's calendar UID: how the app (and the seed itself) finds the demo event. */
export const SEED_EVENT_UID = "seed-2017-10-19-tuyen-giao-giao-duc@signet";

/** The second demo ceremony (three parties, the province's leaders above the sides, a date-only start). */
export const SEED_TRIPARTITE_UID = "seed-2024-03-12-quy-che-phoi-hop-ba-luc-luong@signet";

/** Every demo event: an install holding only these is a fresh one. */
export const SEED_EVENT_UIDS = [SEED_EVENT_UID, SEED_TRIPARTITE_UID] as const;
