import { useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { checkSize, megabytes, uploadRetryable } from "~/domain/photos/rules";

export type ItemStatus = "waiting" | "sending" | "processing" | "done" | "failed";

export interface UploadItem {
  key: number;
  file: File;
  status: ItemStatus;
  percent: number;
  /** An i18n key (with parameters) explaining a failure. */
  message: string | null;
  /** A failure that sending again may cure (network, server); a refused file gets no "retry". */
  retryable: boolean;
}

/** Two files on the way at once: the server converts one at a time anyway, the other is being sent meanwhile. */
const PARALLEL = 2;

/**
 * The uploader's state machine: each file is sent by itself (XMLHttpRequest to /events/:id/photos/upload, so it has
 * its own progress), two at a time; a failed file keeps why, and can be sent again alone. When every file is
 * through, the gallery is loaded again.
 */
export function usePhotoUploads(eventId: string, maxBytes: number) {
  const revalidator = useRevalidator();
  const [items, setItems] = useState<UploadItem[]>([]);
  const nextKey = useRef(1);
  const running = useRef(new Set<number>());

  const patch = useCallback((key: number, change: Partial<UploadItem>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const send = useCallback(
    (item: UploadItem) => {
      running.current.add(item.key);
      patch(item.key, { status: "sending", percent: 0, message: null, retryable: false });
      const body = new FormData();
      body.append("file", item.file, item.file.name);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", `/events/${eventId}/photos/upload`);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) patch(item.key, { percent: Math.round((e.loaded / e.total) * 100) });
      };
      xhr.upload.onload = () => patch(item.key, { status: "processing", percent: 100 });
      const finish = (change: Partial<UploadItem>) => {
        running.current.delete(item.key);
        patch(item.key, change);
      };
      xhr.onload = () => {
        let answer: { ok?: boolean; message?: string } = {};
        try {
          answer = JSON.parse(xhr.responseText) as typeof answer;
        } catch {
          answer = {};
        }
        if (xhr.status === 201 && answer.ok) finish({ status: "done", percent: 100 });
        else
          finish({
            status: "failed",
            message: answer.message ?? (xhr.status === 413 ? `photos.errors.tooLarge?max=${megabytes(maxBytes)}` : "photos.upload.server"),
            retryable: uploadRetryable(xhr.status),
          });
      };
      xhr.onerror = () => finish({ status: "failed", message: "photos.upload.network", retryable: true });
      xhr.send(body);
    },
    [eventId, maxBytes, patch],
  );

  // Start waiting files while fewer than PARALLEL are on their way; refresh the gallery when all are through.
  useEffect(() => {
    const waiting = items.filter((i) => i.status === "waiting" && !running.current.has(i.key));
    for (const item of waiting.slice(0, Math.max(0, PARALLEL - running.current.size))) send(item);
  }, [items, send]);
  const active = items.some((i) => i.status === "waiting" || i.status === "sending" || i.status === "processing");
  const doneCount = items.filter((i) => i.status === "done").length;
  const wasActive = useRef(false);
  useEffect(() => {
    if (wasActive.current && !active && doneCount > 0) revalidator.revalidate();
    wasActive.current = active;
  }, [active, doneCount, revalidator]);

  const add = (files: FileList | File[]) => {
    const added: UploadItem[] = [...files].map((file) => {
      const refused = checkSize(file.size, maxBytes);
      return {
        key: nextKey.current++,
        file,
        status: refused ? "failed" : "waiting",
        percent: 0,
        message: refused ? refused.message : null,
        retryable: false,
      };
    });
    if (added.length) setItems((list) => [...list, ...added]);
  };

  const retry = (item: UploadItem) => {
    const refused = checkSize(item.file.size, maxBytes);
    if (refused) patch(item.key, { status: "failed", message: refused.message, retryable: false });
    else patch(item.key, { status: "waiting", percent: 0, message: null });
  };

  const failed = items.filter((i) => i.status === "failed").length;
  return { items, add, retry, active, doneCount, failed };
}
