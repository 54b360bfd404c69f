import sanitizeHtml from "sanitize-html";
import { pressHtmlAllowList, renderPressMarkdown, type PressMarkdownOptions } from "~/domain/press/markdown";

/**
 * The second layer under every server-rendered press body (public page, print view, copy as HTML, the .docx's
 * input): sanitize-html with an allow-list of exactly the tags, attributes and classes the renderer writes
 * (pressHtmlAllowList), http/https/mailto or relative addresses only, no protocol-relative ones. On the renderer's
 * own output it changes nothing; whatever else got in is dropped.
 */
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [...pressHtmlAllowList.tags],
  allowedAttributes: Object.fromEntries(
    Object.entries(pressHtmlAllowList.attributes).map(([tag, attributes]) => [tag, [...attributes]]),
  ),
  allowedClasses: Object.fromEntries(
    Object.entries(pressHtmlAllowList.classes).map(([tag, classes]) => [tag, [...classes]]),
  ),
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  selfClosing: ["img", "br", "hr"],
};

export function sanitizePressHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

/** The press body as HTML for a server-rendered output: rendered, then sanitized. */
export function renderPressHtml(markdown: string, options: PressMarkdownOptions): string {
  return sanitizePressHtml(renderPressMarkdown(markdown, options));
}
