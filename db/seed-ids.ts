/** The demo ceremony's calendar UID: how the app (and the seed itself) finds the demo event. */
export const SEED_EVENT_UID = "seed-2017-10-19-tuyen-giao-giao-duc@signet";
