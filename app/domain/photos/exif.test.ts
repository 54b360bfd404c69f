import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { captureInstant, readCaptureFacts } from "./exif";

/** EXIF as a camera writes it, through sharp (IFD0 = image, IFD2 = Exif, IFD3 = GPS). */
async function exifOf(exif: Record<string, Record<string, string>>): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#888" } })
    .withExif(exif)
    .jpeg()
    .toBuffer();
  const meta = await sharp(jpeg).metadata();
  if (!meta.exif) throw new Error("no exif written");
  return meta.exif;
}

const ZONE = "Asia/Ho_Chi_Minh";

describe("captureInstant", () => {
  // exif-reader hands over the wall clock as if it were UTC.
  const wall = new Date(Date.UTC(2017, 9, 19, 14, 35, 10));

  it("uses the camera's offset when it wrote one", () => {
    expect(captureInstant(wall, "+07:00", "Europe/Paris")?.toISOString()).toBe("2017-10-19T07:35:10.000Z");
    expect(captureInstant(wall, "-05:30", ZONE)?.toISOString()).toBe("2017-10-19T20:05:10.000Z");
  });

  it("otherwise reads the clock in the event's time zone", () => {
    expect(captureInstant(wall, null, ZONE)?.toISOString()).toBe("2017-10-19T07:35:10.000Z");
    expect(captureInstant(wall, undefined, "Europe/Paris")?.toISOString()).toBe("2017-10-19T12:35:10.000Z");
    // A malformed offset is ignored rather than trusted.
    expect(captureInstant(wall, "+7", ZONE)?.toISOString()).toBe("2017-10-19T07:35:10.000Z");
    expect(captureInstant(wall, "+25:00", ZONE)?.toISOString()).toBe("2017-10-19T07:35:10.000Z");
  });

  it("treats unset camera clocks and missing values as no time", () => {
    expect(captureInstant(new Date(Date.UTC(0, 0, 0)), null, ZONE)).toBeNull();
    expect(captureInstant(new Date(Date.UTC(1970, 0, 1)), null, ZONE)).toBeNull();
    expect(captureInstant(null, "+07:00", ZONE)).toBeNull();
    expect(captureInstant(new Date(Number.NaN), null, ZONE)).toBeNull();
  });
});

describe("readCaptureFacts", () => {
  it("reads capture time (with its offset), make and model, and notices a GPS block", async () => {
    const exif = await exifOf({
      IFD0: { Make: "Canon", Model: "Canon EOS 80D" },
      IFD2: { DateTimeOriginal: "2017:10:19 14:35:10", OffsetTimeOriginal: "+07:00" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "20/1 26/1 5000/100", GPSLongitudeRef: "E", GPSLongitude: "106/1 20/1 0/1" },
    });
    expect(readCaptureFacts(exif, "Europe/Paris")).toEqual({
      takenAt: new Date("2017-10-19T07:35:10.000Z"),
      cameraMake: "Canon",
      cameraModel: "Canon EOS 80D",
      hadLocation: true,
    });
  });

  it("without an offset, takes the clock in the event's zone", async () => {
    const exif = await exifOf({ IFD0: { Make: "NIKON CORPORATION", Model: "NIKON D750" }, IFD2: { DateTimeOriginal: "2017:10:19 15:05:00" } });
    const facts = readCaptureFacts(exif, ZONE);
    expect(facts.takenAt?.toISOString()).toBe("2017-10-19T08:05:00.000Z");
    expect(facts.hadLocation).toBe(false);
  });

  it("returns nothing from a missing, short or broken block", () => {
    const none = { takenAt: null, cameraMake: null, cameraModel: null, hadLocation: false };
    expect(readCaptureFacts(undefined, ZONE)).toEqual(none);
    expect(readCaptureFacts(new Uint8Array([1, 2, 3]), ZONE)).toEqual(none);
    expect(readCaptureFacts(new TextEncoder().encode("Exif\0\0garbage that is not a TIFF header"), ZONE)).toEqual(none);
  });
});
