/**
 * The demo ceremony's three photos: drawn by code (SVG scenes rendered to JPEG with sharp, marked
 * "Ảnh minh họa" — illustrations, not press photos), carrying the article's three captions
 * (../shared/seed-article.txt) and a camera-style EXIF capture time on the afternoon of 19/10/2017. They go
 * through the real upload pipeline, so the demo's served files are made exactly as uploaded ones are.
 * Added once: an event that already has photos is left alone.
 */
import sharp from "sharp";
import { DEFAULT_PHOTO_MAX_BYTES, DEFAULT_PHOTO_MAX_PIXELS } from "~/domain/photos/rules";
import { listEventPhotos, updatePhoto, uploadPhoto } from "~/services/photos.server";
import type { ObjectStorage } from "~/services/storage.server";
import type { Db } from "./client.server";

export interface SeedPhoto {
  file: string;
  captionVi: string;
  captionEn: string;
  /** EXIF DateTimeOriginal, local time in Thái Bình (+07:00). */
  takenAt: string;
  scene: "signing" | "speaker" | "classroom";
}

/** In the article's order: (1) the signing, the cover; (2) Comrade Nguyễn Hồng Chuyên; (3) the classroom. */
export const seedPhotos: SeedPhoto[] = [
  {
    file: "le-ky-ket.jpg",
    captionVi: "Lễ ký kết chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo giai đoạn 2017 – 2020.",
    captionEn:
      "The signing of the 2017 – 2020 programme of cooperation between the Propaganda Department of the Provincial Party Committee and the Department of Education and Training.",
    takenAt: "2017:10:19 14:32:10",
    scene: "signing",
  },
  {
    file: "dong-chi-nguyen-hong-chuyen.jpg",
    captionVi: "Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy tới dự hội nghị.",
    captionEn:
      "Comrade Nguyễn Hồng Chuyên, Member of the Standing Committee and Head of the Propaganda Department of the Provincial Party Committee, attends the conference.",
    takenAt: "2017:10:19 14:48:30",
    scene: "speaker",
  },
  {
    file: "hoc-sinh-tran-lam.jpg",
    captionVi: "Học sinh Trường Tiểu học Trần Lãm (thành phố Thái Bình) trong tiết học.",
    captionEn: "Pupils of Trần Lãm Primary School (Thái Bình city) in class.",
    takenAt: "2017:10:19 15:40:00",
    scene: "classroom",
  },
];

const W = 1600;
const H = 1067;
const FONT = "DejaVu Sans, Liberation Sans, Noto Sans, sans-serif";

function person(x: number, y: number, scale: number, suit: string, face = "#e0b48c"): string {
  return `<g transform="translate(${x} ${y}) scale(${scale})">
    <rect x="-38" y="40" width="76" height="120" rx="26" fill="${suit}"/>
    <polygon points="-10,42 10,42 0,80" fill="#fff"/>
    <circle cx="0" cy="12" r="30" fill="${face}"/>
    <path d="M-30 4 Q0 -34 30 4 Q26 -10 0 -14 Q-26 -10 -30 4Z" fill="#222"/>
  </g>`;
}

function banner(text: string, sub: string): string {
  return `<rect x="120" y="70" width="${W - 240}" height="230" fill="#b3191f"/>
    <rect x="140" y="90" width="${W - 280}" height="190" fill="none" stroke="#f4d35e" stroke-width="4"/>
    <text x="${W / 2}" y="170" font-family="${FONT}" font-size="44" font-weight="bold" fill="#f4d35e" text-anchor="middle">${text}</text>
    <text x="${W / 2}" y="240" font-family="${FONT}" font-size="36" fill="#fff" text-anchor="middle">${sub}</text>`;
}

function flag(x: number): string {
  return `<rect x="${x}" y="330" width="8" height="330" fill="#8a6d3b"/>
    <rect x="${x + 8}" y="335" width="120" height="80" fill="#da251d"/>
    <polygon points="${x + 68},350 ${x + 74},368 ${x + 93},368 ${x + 78},379 ${x + 84},397 ${x + 68},386 ${x + 52},397 ${x + 58},379 ${x + 43},368 ${x + 62},368" fill="#ffcd00"/>`;
}

function scene(kind: SeedPhoto["scene"]): string {
  const label = `<rect x="0" y="${H - 64}" width="${W}" height="64" fill="rgba(0,0,0,.55)"/>
    <text x="32" y="${H - 22}" font-family="${FONT}" font-size="30" fill="#fff">Ảnh minh họa — dữ liệu mẫu của Signet (illustration, demo data)</text>`;
  if (kind === "signing")
    return `<rect width="${W}" height="${H}" fill="#f1e6d0"/>
      <rect y="${H * 0.62}" width="${W}" height="${H * 0.38}" fill="#8c5a3c"/>
      ${banner("LỄ KÝ KẾT CHƯƠNG TRÌNH PHỐI HỢP CÔNG TÁC", "Ban Tuyên giáo Tỉnh ủy – Sở Giáo dục và Đào tạo · 2017 – 2020")}
      ${flag(180)}${flag(1290)}
      ${person(560, 430, 1.6, "#1d2b4a")}${person(1040, 430, 1.6, "#26324f")}
      ${person(800, 400, 1.4, "#3b3b3b")}
      <rect x="320" y="640" width="960" height="40" fill="#1f6e43"/>
      <rect x="320" y="680" width="960" height="170" fill="#2d8a57"/>
      <rect x="470" y="600" width="180" height="40" fill="#fff" transform="rotate(-4 560 620)"/>
      <rect x="950" y="600" width="180" height="40" fill="#fff" transform="rotate(4 1040 620)"/>
      ${label}`;
  if (kind === "speaker")
    return `<rect width="${W}" height="${H}" fill="#e9dcc3"/>
      ${banner("HỘI NGHỊ KÝ KẾT CHƯƠNG TRÌNH PHỐI HỢP", "Thái Bình, 19/10/2017")}
      ${person(800, 360, 2.1, "#1b2540")}
      <polygon points="640,640 960,640 920,${H - 64} 680,${H - 64}" fill="#7a3b1c"/>
      <rect x="620" y="610" width="360" height="40" rx="6" fill="#5c2a12"/>
      <circle cx="800" cy="600" r="10" fill="#222"/><rect x="796" y="520" width="8" height="80" fill="#333"/>
      <circle cx="800" cy="760" r="46" fill="#f4d35e"/>
      ${label}`;
  return `<rect width="${W}" height="${H}" fill="#f7f3e8"/>
    <rect x="380" y="80" width="840" height="330" rx="8" fill="#234d37" stroke="#8a6d3b" stroke-width="16"/>
    <text x="800" y="230" font-family="${FONT}" font-size="64" fill="#fff" text-anchor="middle">Tiếng Việt</text>
    <text x="800" y="320" font-family="${FONT}" font-size="40" fill="#dfe" text-anchor="middle">Thứ Năm, ngày 19 tháng 10 năm 2017</text>
    ${[0, 1, 2].map((row) => [0, 1, 2, 3].map((col) => {
      const x = 260 + col * 360;
      const y = 470 + row * 170;
      return `${person(x, y - 90, 0.9, col % 2 ? "#f5f5f5" : "#e8eef8", "#e6be98")}<rect x="${x - 110}" y="${y + 40}" width="220" height="30" fill="#b07a4f"/>`;
    }).join("")).join("")}
    ${label}`;
}

/** The scene as a JPEG with camera-style EXIF (capture time with its offset, no GPS). */
export async function seedPhotoJpeg(photo: SeedPhoto): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${scene(photo.scene)}</svg>`;
  return sharp(Buffer.from(svg))
    .withExif({ IFD0: { Make: "Signet", Model: "Demo illustration" }, IFD2: { DateTimeOriginal: photo.takenAt, OffsetTimeOriginal: "+07:00" } })
    .jpeg({ quality: 86 })
    .toBuffer();
}

/**
 * Adds the three photos to the demo ceremony: captions in both languages, photo 1 the cover, all three in the
 * press summary, photo 2 tagged with the speaker's invitation.
 */
export async function seedDemoPhotos(
  db: Db,
  storage: ObjectStorage,
  eventId: string,
  actor: { id: string; name: string },
  speakerInvitationId: string,
): Promise<void> {
  if ((await listEventPhotos(db, eventId)).length > 0) return;
  const limits = { maxBytes: DEFAULT_PHOTO_MAX_BYTES, maxPixels: DEFAULT_PHOTO_MAX_PIXELS };
  const ids: string[] = [];
  for (const photo of seedPhotos) {
    const bytes = await seedPhotoJpeg(photo);
    const saved = await uploadPhoto(db, storage, actor, eventId, { filename: photo.file, bytes }, {
      captionVi: photo.captionVi,
      captionEn: photo.captionEn,
      credit: null,
    }, limits);
    ids.push(saved.id);
  }
  const [cover, speaker] = ids;
  if (cover) await updatePhoto(db, actor, eventId, cover, { isCover: true, includeInPress: true });
  if (speaker) await updatePhoto(db, actor, eventId, speaker, { taggedInvitationIds: [speakerInvitationId] });
}
