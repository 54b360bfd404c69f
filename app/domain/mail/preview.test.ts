import { describe, expect, it } from "vitest";
import { previewInvitation, type PreviewRecipient } from "./preview";
import { renderInvitationMail, type MailEventFacts } from "./templates";

const event: MailEventFacts = {
  title: "Lễ ký kết chương trình phối hợp",
  startsAt: new Date("2031-04-10T01:30:00Z"),
  endsAt: new Date("2031-04-10T03:00:00Z"),
  timeZone: "Asia/Ho_Chi_Minh",
  venueName: "Hội trường A",
  venueAddress: null,
  venueRoom: null,
  description: null,
};
const person = (fullName: string, language: "vi" | "en", email: string | null, honorific: string | null = null): PreviewRecipient => ({
  fullName,
  honorific,
  email,
  language,
});
const signature = (locale: "vi" | "en") => (locale === "vi" ? "Ban Tuyên giáo Tỉnh ủy" : "Propaganda Department");
const sampleLink = "https://signet.example/i/PREVIEW";

describe("previewInvitation", () => {
  it("counts who will get it and who cannot, and renders one email per language read", () => {
    const preview = previewInvitation({
      recipients: [
        person("Nguyễn Văn An", "vi", "an@example.org", "Ông"),
        person("Trần Thị Bình", "vi", "binh@example.org"),
        person("John Smith", "en", "john@example.org", "Mr"),
        person("Lê Không Thư", "vi", null),
        person("No Mail", "en", "  "),
      ],
      event,
      signature,
      sampleLink,
    });
    expect(preview.recipients).toBe(3);
    expect(preview.noEmail).toBe(2);
    expect(preview.languages.map((l) => [l.locale, l.count, l.sampleName, l.sampleEmail])).toEqual([
      ["vi", 2, "Ông Nguyễn Văn An", "an@example.org"],
      ["en", 1, "Mr John Smith", "john@example.org"],
    ]);
  });

  it("is the very email the send renders for that person", () => {
    const [vi, en] = previewInvitation({
      recipients: [person("Nguyễn Văn An", "vi", "an@example.org", "Ông"), person("John Smith", "en", "john@example.org", "Mr")],
      event,
      signature,
      sampleLink,
    }).languages;
    expect(vi!.mail).toEqual(
      renderInvitationMail({ kind: "invitation", locale: "vi", recipient: { fullName: "Nguyễn Văn An", honorific: "Ông" }, event, link: sampleLink, signature: "Ban Tuyên giáo Tỉnh ủy" }),
    );
    expect(vi!.mail.subject).toContain("Lễ ký kết chương trình phối hợp");
    expect(vi!.mail.text).toContain("Ông Nguyễn Văn An");
    expect(vi!.mail.html).toContain(sampleLink);
    expect(en!.mail.html).toContain('lang="en"');
    expect(en!.mail.text).toContain("Mr. John Smith");
    expect(en!.mail.text).toContain("Propaganda Department");
    expect(en!.mail.subject).not.toBe(vi!.mail.subject);
  });

  it("has no language to show when nobody has an email", () => {
    expect(previewInvitation({ recipients: [person("A", "vi", null)], event, signature, sampleLink })).toEqual({
      recipients: 0,
      noEmail: 1,
      languages: [],
    });
  });
});
