import { describe, expect, it } from "vitest";
import { renderResetMail } from "./reset-mail";

const base = {
  name: "Nguyễn Thị <Lan>",
  email: "lan@signet.test",
  link: "https://signet.example/reset-password/abcDEF123_-",
  validHours: 1,
  reason: "forgot" as const,
};

describe("renderResetMail", () => {
  it("writes Vietnamese with the link, its lifetime and the 'ignore it' line", () => {
    const mail = renderResetMail({ ...base, locale: "vi" });
    expect(mail.subject).toBe("Đặt lại mật khẩu Signet");
    expect(mail.text).toContain("Kính gửi Nguyễn Thị <Lan>,");
    expect(mail.text).toContain("https://signet.example/reset-password/abcDEF123_-");
    expect(mail.text).toContain("hiệu lực trong 1 giờ");
    expect(mail.text).toContain("hãy bỏ qua thư này");
    expect(mail.html).toContain('href="https://signet.example/reset-password/abcDEF123_-"');
    expect(mail.html).toContain("Nguyễn Thị &lt;Lan&gt;");
    expect(mail.html).not.toContain("<Lan>");
  });

  it("writes English, and an administrator's reset says the old password is gone", () => {
    const mail = renderResetMail({ ...base, locale: "en", reason: "admin", validHours: 24 });
    expect(mail.subject).toBe("Reset your Signet password");
    expect(mail.text).toContain("An administrator reset the password");
    expect(mail.text).toContain("valid for 24 hours");
    expect(mail.text).not.toContain("ignore this email");
  });

  it("refuses a link that is not http(s)", () => {
    expect(() => renderResetMail({ ...base, locale: "vi", link: "javascript:alert(1)" })).toThrow();
  });
});
