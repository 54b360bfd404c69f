import { Form, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type DragEvent } from "react";
import { checkSize, megabytes, uploadRetryable } from "~/domain/photos/rules";
import { useT } from "~/i18n/use-t";

type ItemStatus = "waiting" | "sending" | "processing" | "done" | "failed";

interface UploadItem {
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
export const ACCEPT = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp,.heic,.heif";

/**
 * Drop zone and file chooser. With JavaScript, every file is sent by itself (XMLHttpRequest to
 * /events/:id/photos/upload) with its own progress bar; a failed file shows why and can be sent again alone.
 * Before JavaScript loads, the same file input posts all chosen files in one plain multipart form.
 */
export function Uploader({ eventId, maxBytes, busy }: { eventId: string; maxBytes: number; busy: boolean }) {
  const { t, tError } = useT();
  const revalidator = useRevalidator();
  const [hydrated, setHydrated] = useState(false);
  const [items, setItems] = useState<UploadItem[]>([]);
  const [dragOver, setDragOver] = useState(false);
  const nextKey = useRef(1);
  const running = useRef(new Set<number>());
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => setHydrated(true), []);

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

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    if (!hydrated || !e.target.files) return;
    add(e.target.files);
    e.target.value = "";
  };
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (![...e.dataTransfer.types].includes("Files")) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    setDragOver(true);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragOver(false);
    if (e.dataTransfer.files.length) add(e.dataTransfer.files);
  };
  const retry = (item: UploadItem) => {
    const refused = checkSize(item.file.size, maxBytes);
    if (refused) patch(item.key, { status: "failed", message: refused.message, retryable: false });
    else patch(item.key, { status: "waiting", percent: 0, message: null });
  };

  const failed = items.filter((i) => i.status === "failed").length;
  return (
    <div
      className={`uploader${dragOver ? " dragover" : ""}`}
      data-testid="photo-dropzone"
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setDragOver(false)}
      onDrop={onDrop}
    >
      <Form method="post" encType="multipart/form-data" onSubmit={(e) => hydrated && e.preventDefault()}>
        <h3 className="visually-hidden">{t("photos.upload.title")}</h3>
        <div className="uploader-zone">
          {hydrated ? (
            <>
              <span className="drop-text">
                {t("photos.upload.drop")} {t("photos.upload.or")}
              </span>
              <button type="button" className="button secondary" onClick={() => inputRef.current?.click()}>
                {t("photos.upload.choose")}
              </button>
            </>
          ) : (
            <label htmlFor="photo-files">{t("photos.upload.choose")}</label>
          )}
          <input
            ref={inputRef}
            id="photo-files"
            type="file"
            name="file"
            multiple
            accept={ACCEPT}
            onChange={onChange}
            tabIndex={hydrated ? -1 : undefined}
            aria-label={hydrated ? t("photos.upload.choose") : undefined}
            className={hydrated ? "visually-hidden" : undefined}
          />
          {hydrated ? null : (
            <button type="submit" className="button" disabled={busy}>
              {t("photos.upload.submit")}
            </button>
          )}
        </div>
        <p className="uploader-hint muted">{t("photos.upload.hint", { max: megabytes(maxBytes) })}</p>
      </Form>
      {items.length ? (
        <>
          <ul className="upload-list" aria-label={t("photos.upload.list")} data-testid="upload-list">
            {items.map((item) => (
              <li key={item.key} className={`upload-item ${item.status}`} data-testid="upload-item" data-status={item.status}>
                <span className="name">{item.file.name}</span>
                <span className="state" data-testid="upload-state">
                  {item.status === "waiting"
                    ? t("photos.upload.waiting")
                    : item.status === "sending"
                      ? t("photos.upload.sending", { percent: item.percent })
                      : item.status === "processing"
                        ? t("photos.upload.processing")
                        : item.status === "done"
                          ? `✓ ${t("photos.upload.done")}`
                          : t("photos.upload.failed")}
                </span>
                {item.status === "failed" ? null : (
                  <progress max={100} value={item.percent} aria-label={item.file.name} />
                )}
                {item.status === "failed" ? (
                  <>
                    <p className="message" role="alert" data-testid="upload-message">
                      {tError(item.message ?? "photos.upload.server")}
                    </p>
                    {item.retryable ? (
                      <button
                        type="button"
                        className="button secondary small retry"
                        onClick={() => retry(item)}
                        aria-label={t("photos.upload.retryLabel", { name: item.file.name })}
                      >
                        {t("photos.upload.retry")}
                      </button>
                    ) : null}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {!active ? (
            <p className="muted" role="status" style={{ margin: ".5rem 0 0" }}>
              {t("photos.upload.summary", { ok: doneCount, failed })}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
