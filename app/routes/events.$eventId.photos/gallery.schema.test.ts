import { describe, expect, it } from "vitest";
import { galleryActionSchema, galleryIntent } from "./gallery.schema";

const id = "0b6f2a4e-8c1d-4e7a-9f3b-2d5c6e7f8a9b";
const other = "1c7a3b5f-9d2e-4f8b-8a4c-3e6d7f8a9b0c";
const version = "0123456789abcdef";

describe("the gallery's form", () => {
  it("reads a card button's value as the cover or the press choice", () => {
    expect(galleryActionSchema.parse({ act: `cover:${id}:4`, ids: [id], version })).toEqual({
      intent: "mark",
      act: { id, version: 4, change: { isCover: true } },
    });
    expect(galleryActionSchema.parse({ act: `exclude:${id}:1` })).toMatchObject({ act: { change: { includeInPress: false } } });
    expect(galleryActionSchema.parse({ act: `include:${id}:1` })).toMatchObject({ act: { change: { includeInPress: true } } });
  });

  it("refuses a tampered card value", () => {
    for (const act of [`delete:${id}:1`, `cover:not-a-uuid:1`, `cover:${id}:x`, `cover:${id}:1234567890`, "cover"])
      expect(galleryActionSchema.safeParse({ act }).success, act).toBe(false);
  });

  it("reads a step or the whole order, a card button winning over the order", () => {
    expect(galleryIntent({ move: `${id}:up` })).toBe("order");
    expect(galleryIntent({ intent: "order" })).toBe("order");
    expect(galleryIntent({ act: `cover:${id}:1`, intent: "order" })).toBe("mark");
    expect(galleryActionSchema.parse({ intent: "order", ids: [id, other], version })).toEqual({ intent: "order", ids: [id, other], version });
    expect(galleryActionSchema.parse({ move: `${other}:up`, ids: [id, other], version })).toMatchObject({ intent: "order", move: `${other}:up` });
    expect(galleryActionSchema.safeParse({ intent: "order", ids: [id], version: "stale" }).success).toBe(false);
  });

  it("refuses a form that is neither", () => {
    expect(galleryActionSchema.safeParse({ ids: [id], version }).success).toBe(false);
    expect(galleryActionSchema.safeParse({ intent: "delete-all" }).success).toBe(false);
  });
});
