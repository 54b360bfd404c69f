import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type ChangeEvent, type DragEvent } from "react";
import { megabytes } from "~/domain/photos/rules";
import { useT } from "~/i18n/use-t";

import { usePhotoUploads, type UploadItem } from "./use-photo-uploads";

export const ACCEPT = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp,.heic,.heif";

/**
 * Drop zone and file chooser. With JavaScript, every file is sent by itself (XMLHttpRequest to
 * /events/:id/photos/upload) with its own progress bar; a failed file shows why and can be sent again alone.
 * Before JavaScript loads, the same file input posts all chosen files in one plain multipart form.
 */
export function Uploader({ eventId, maxBytes, busy }: { eventId: string; maxBytes: number; busy: boolean }) {
  const { t } = useT();
  const [hydrated, setHydrated] = useState(false);
  const [dragOver, setDragOver] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const { items, add, retry, active, doneCount, failed } = usePhotoUploads(eventId, maxBytes);

  useEffect(() => setHydrated(true), []);

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
              <UploadRow key={item.key} item={item} onRetry={() => retry(item)} />
            ))}
          </ul>
          {!active ? (
            <p className="muted flush space-above-sm" role="status">
              {t("photos.upload.summary", { ok: doneCount, failed })}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** One file on its way: its name, state, progress, and on a failure why (with "send again" when that may help). */
function UploadRow({ item, onRetry }: { item: UploadItem; onRetry: () => void }) {
  const { t, tError } = useT();
  return (
    <li className={`upload-item ${item.status}`} data-testid="upload-item" data-status={item.status}>
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
              onClick={onRetry}
              aria-label={t("photos.upload.retryLabel", { name: item.file.name })}
            >
              {t("photos.upload.retry")}
            </button>
          ) : null}
        </>
      ) : null}
    </li>
  );
}
