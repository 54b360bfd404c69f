import { describe, expect, it } from "vitest";
import { cameraLabel } from "./camera";

describe("cameraLabel", () => {
  it("does not repeat the make when the model already names it", () => {
    expect(cameraLabel("Canon", "Canon EOS 80D")).toBe("Canon EOS 80D");
    expect(cameraLabel("NIKON CORPORATION", "NIKON D750")).toBe("NIKON D750");
    expect(cameraLabel("Apple", "iPhone 8")).toBe("Apple iPhone 8");
    expect(cameraLabel(null, "X100")).toBe("X100");
    expect(cameraLabel("Sony", null)).toBe("Sony");
    expect(cameraLabel(null, null)).toBeNull();
  });
});
