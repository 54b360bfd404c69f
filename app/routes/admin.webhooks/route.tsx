/** /admin/webhooks — moved to /webhooks (administrators and organizers alike). Kept for bookmarks and old mails. */
import { redirect } from "@remix-run/node";

export const loader = () => redirect("/webhooks", 301);
