import { describe, expect, test } from "vitest";
import { letterOptionsFrom, letterQuery } from "./letter-options.schema";

describe("letterOptionsFrom", () => {
  test("reads the query, with defaults", () => {
    expect(letterOptionsFrom(new URLSearchParams(""))).toEqual({
      to: "all",
      lang: "vi",
      authority: "",
      onBehalfOf: "",
      position: "",
      signer: "",
      symbol: "",
      place: "",
      date: "",
    });
    const o = letterOptionsFrom(new URLSearchParams("to=abc&lang=en&authority=KT&onBehalfOf=Trưởng ban&signer= Nguyễn Văn A &date=2017-10-05"));
    expect(o).toMatchObject({ to: "abc", lang: "en", authority: "KT", onBehalfOf: "Trưởng ban", signer: "Nguyễn Văn A", date: "2017-10-05" });
  });
  test("drops what does not fit, field by field, and never turns a bad invitee into the letter to many", () => {
    const o = letterOptionsFrom(new URLSearchParams(`to=${"x".repeat(100)}&lang=fr&authority=XX&symbol=${"S".repeat(40)}&signer=Ok&date=5/10/2017`));
    expect(o).toMatchObject({ to: "-", lang: "vi", authority: "", symbol: "", signer: "Ok", date: "" });
  });
  test("letterQuery leaves out empty options", () => {
    expect(letterQuery({ to: "all", lang: "vi", signer: "", place: "Thái Bình" })).toBe("?to=all&lang=vi&place=Th%C3%A1i+B%C3%ACnh");
    expect(letterQuery({})).toBe("");
  });
});
