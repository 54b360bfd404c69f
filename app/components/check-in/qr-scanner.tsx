import { useCallback, useEffect, useRef, useState } from "react";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/use-t";

type CameraState = "off" | "starting" | "on" | "denied" | "none" | "unsupported" | "error";

/** jsQR is loaded only when the camera is turned on, so the page itself stays light. */
type Decoder = (typeof import("jsqr"))["default"];

const SCAN_EVERY_MS = 120;
const MAX_SCAN_WIDTH = 640;

function cameraError(error: unknown): CameraState {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "DevicesNotFoundError") return "none";
  return "error";
}

/**
 * The rear camera (facingMode "environment") in a <video>, a frame every ~120 ms drawn onto a canvas and
 * handed to jsQR. Every decoded text goes to `onCode`; the caller decides what to do with repeats.
 */
export function QrScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useT();
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const onCodeRef = useRef(onCode);
  const [state, setState] = useState<CameraState>("off");

  useEffect(() => {
    onCodeRef.current = onCode;
  });

  const release = useCallback(() => {
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
  }, []);

  const stop = useCallback(() => {
    release();
    setState("off");
  }, [release]);

  const start = useCallback(async () => {
    if (typeof navigator === "undefined" || !navigator.mediaDevices?.getUserMedia) {
      setState("unsupported");
      return;
    }
    // Permissions-Policy allows the camera only to the check-in documents. Reached by a client-side navigation
    // (the browser's back button) inside another page's document, the camera is refused: load this page anew.
    const policy = (document as Document & { featurePolicy?: { allowsFeature(feature: string): boolean } }).featurePolicy;
    if (policy && !policy.allowsFeature("camera")) {
      window.location.reload();
      return;
    }
    setState("starting");
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } },
      });
      streamRef.current = stream;
      const video = videoRef.current;
      if (!video) throw new Error("no video element");
      video.srcObject = stream;
      await video.play();
      setState("on");
    } catch (error) {
      release();
      setState(cameraError(error));
    }
  }, [release]);

  // The decoding loop runs only while the camera is on.
  useEffect(() => {
    if (state !== "on") return;
    let stopped = false;
    let frame = 0;
    let last = 0;
    let decode: Decoder | null = null;
    void import("jsqr").then((module) => {
      decode = module.default;
    });
    const tick = (time: number) => {
      if (stopped) return;
      frame = requestAnimationFrame(tick);
      const video = videoRef.current;
      if (!decode || !video || time - last < SCAN_EVERY_MS || video.readyState < 2 || !video.videoWidth) return;
      last = time;
      const scale = Math.min(1, MAX_SCAN_WIDTH / video.videoWidth);
      const width = Math.round(video.videoWidth * scale);
      const height = Math.round(video.videoHeight * scale);
      const canvas = (canvasRef.current ??= document.createElement("canvas"));
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      if (!context) return;
      context.drawImage(video, 0, 0, width, height);
      const found = decode(context.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: "attemptBoth" });
      if (found?.data) onCodeRef.current(found.data);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
    };
  }, [state]);

  // Leaving the page turns the camera off.
  useEffect(() => release, [release]);

  const message =
    state === "denied"
      ? t("checkin.camera.denied")
      : state === "none"
        ? t("checkin.camera.none")
        : state === "unsupported"
          ? t("checkin.camera.unsupported")
          : state === "error"
            ? t("checkin.camera.error")
            : null;

  return (
    <div className="scanner" data-state={state}>
      <div className="scanner-frame" hidden={state !== "on" && state !== "starting"}>
        <video ref={videoRef} muted playsInline aria-label={t("checkin.scan.video")} className="scanner-video" />
        <div className="scanner-target" aria-hidden="true" />
      </div>
      {message ? (
        <Notice tone="warn" role="alert">
          {message}
        </Notice>
      ) : null}
      {state === "on" ? <p className="hint">{t("checkin.scan.hint")}</p> : null}
      {state === "starting" ? <p className="hint">{t("checkin.scan.starting")}</p> : null}
      <div className="checkin-actions">
        {state === "on" || state === "starting" ? (
          <button type="button" className="button secondary big-button" onClick={stop}>
            {t("checkin.scan.stop")}
          </button>
        ) : (
          <button type="button" className="button big-button" onClick={() => void start()}>
            {t("checkin.scan.start")}
          </button>
        )}
      </div>
    </div>
  );
}
