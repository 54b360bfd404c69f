/**
 * The press summary's markdown: one parser for the editor's preview, the public page, the print view, the copy
 * exports and the .docx. Browser-safe (no node imports).
 *
 * Safety (first layer; the server adds sanitize-html on top, app/utils/press-html.server.ts):
 * - raw HTML is never passed through (markdown-it `html: false` escapes it);
 * - links must be http(s), mailto, site-relative ("/…", not "//…") or "#…"; anything else (javascript:,
 *   vbscript:, data:, file:, in any spelling — the check runs on the decoded URL with whitespace and control
 *   characters removed) is not a link and stays visible as text;
 * - images: `![caption](photo:<id>)` is an event photo looked up through `options.photo`; other images only when
 *   site-relative under /media/, else dropped.
 *
 * The renderer writes exactly the tags and attributes listed in `pressHtmlAllowList`, escaping text the way
 * sanitize-html serializes it, so that the server's second layer leaves normal output byte-for-byte unchanged.
 */
import MarkdownIt, { type Env, type Token } from "markdown-it";

export interface PressPhotoInfo {
  url: string;
  caption: string | null;
  credit: string | null;
  /** The served image's size in pixels, when known: written as width/height so the page keeps its place. */
  width?: number;
  height?: number;
}
export type PressPhotoLookup = (id: string) => PressPhotoInfo | null;

export interface PressMarkdownOptions {
  photo: PressPhotoLookup;
  /** Text of the visible placeholder for a photo id that does not exist (any more). */
  photoNotFound?: string;
  /** Give the lead (the first paragraph that is not a photo) class="press-lead". */
  markLead?: boolean;
  /** Also set the lead in bold with <strong> (for outputs without the site's CSS: copy as HTML, print). */
  boldLead?: boolean;
  /** loading="lazy" on images (default true); off for print, where every image must be there. */
  lazyImages?: boolean;
}

export const defaultPhotoNotFound = "Không tìm thấy ảnh · Photo not found";

/** Every tag and attribute the renderer can write: the sanitizer's allow-list is exactly this. */
export const pressHtmlAllowList = {
  tags: [
    "p", "h2", "h3", "h4", "h5", "h6", "strong", "em", "s", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "hr", "br", "figure", "figcaption", "img", "span", "table", "thead", "tbody", "tr", "th", "td",
  ],
  attributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title", "width", "height", "loading", "class"],
    figure: ["class", "data-photo-id"],
    span: ["class"],
    p: ["class"],
    ol: ["start"],
  },
  classes: {
    p: ["press-lead"],
    img: ["press-photo-inline"],
    figure: ["press-photo", "press-photo-missing"],
    span: ["press-photo-credit", "press-photo-placeholder"],
  },
} as const;

const linkRel = "noopener noreferrer nofollow";
const photoSrcPattern = /^photo:([A-Za-z0-9_-]{1,64})$/;
const mediaSrcPattern = /^\/media\/[A-Za-z0-9_\-./%]+$/;

/** Browsers drop ASCII whitespace and C0/C1 controls in URLs; so does this check, before looking at the scheme. */
function compactUrl(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, "");
}

function safePercentDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/**
 * Whether a link destination is allowed: http:, https:, mailto:, a site-relative path ("/…" but not "//…") or a
 * fragment ("#…"). Anything with another scheme, or a bare relative path, is refused.
 */
export function isSafePressLink(url: string): boolean {
  const candidates = [compactUrl(url), compactUrl(safePercentDecode(url))];
  return candidates.every((raw) => {
    const lower = raw.toLowerCase();
    if (/^https?:\/\/[^/\\]/.test(lower)) return true;
    if (/^mailto:[^/\\]/.test(lower)) return true;
    if (lower.startsWith("#")) return true;
    if (lower.startsWith("/") && !lower.startsWith("//") && !lower.startsWith("/\\")) return true;
    return false;
  });
}

function isPhotoSrc(url: string): boolean {
  return photoSrcPattern.test(url);
}

function isMediaSrc(url: string): boolean {
  return mediaSrcPattern.test(url) && !url.includes("..");
}

function isShownImageSrc(url: string): boolean {
  return isPhotoSrc(url) || isMediaSrc(url);
}

/** Escape as sanitize-html serializes text: & < > (quotes stay, they are text). */
function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

interface RenderEnv extends Env {
  photo?: PressPhotoLookup;
  photoNotFound?: string;
  lazyImages?: boolean;
}

function createParser(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt("default", {
    html: false,
    xhtmlOut: true,
    breaks: false,
    linkify: false,
    typographer: false,
  });
  md.validateLink = (url: string) => isPhotoSrc(url) || isSafePressLink(url);

  md.core.ruler.push("press_structure", (state) => {
    const tokens = state.tokens;
    tokens.forEach((token, i) => {
      if (token.type === "heading_open" || token.type === "heading_close") {
        // The page's headline is the h1; the body's headings sit one level below it.
        const level = Math.min(Number(token.tag.slice(1)) + 1, 6);
        token.tag = `h${level}`;
      }
      if (token.type === "fence") token.info = "";
      if (token.type === "th_open" || token.type === "td_open") token.attrs = null;
      const inline = tokens[i + 1];
      const close = tokens[i + 2];
      if (token.type === "paragraph_open" && inline?.type === "inline" && close?.type === "paragraph_close") {
        const image = soleImage(inline.children ?? []);
        if (image) {
          token.hidden = true;
          close.hidden = true;
          image.meta = { ...(image.meta ?? {}), figure: true };
        }
      }
      if (token.type === "inline") markLinks(token.children ?? []);
    });
  });

  const rules = md.renderer.rules;
  const content = (tokens: Token[], idx: number) => escapeText(tokens[idx]?.content ?? "");
  rules.text = (tokens, idx) => content(tokens, idx);
  rules.code_inline = (tokens, idx) => `<code>${content(tokens, idx)}</code>`;
  rules.code_block = (tokens, idx) => `<pre><code>${content(tokens, idx)}</code></pre>\n`;
  rules.fence = (tokens, idx) => `<pre><code>${content(tokens, idx)}</code></pre>\n`;
  rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (!token) return "";
    const alt = self.renderInlineAsText(token.children ?? [], options, env).trim();
    return renderImage(token, alt, (env ?? {}) as RenderEnv);
  };
  return md;
}

/** The one image of an inline run that holds nothing else but whitespace, or null. */
function soleImage(children: Token[]): Token | null {
  const meaningful = children.filter(
    (child) => !(child.type === "text" && child.content.trim() === "") && child.type !== "softbreak",
  );
  const only = meaningful.length === 1 ? meaningful[0] : undefined;
  return only?.type === "image" ? only : null;
}

/** Links get rel; a link to "photo:…" is no link (its text stays). */
function markLinks(children: Token[]): void {
  let hidingLink = false;
  for (const child of children) {
    if (child.type === "link_open") {
      const href = String(child.attrGet("href") ?? "");
      if (isPhotoSrc(href)) {
        child.hidden = true;
        hidingLink = true;
      } else {
        child.attrSet("rel", linkRel);
      }
    } else if (child.type === "link_close" && hidingLink) {
      child.hidden = true;
      hidingLink = false;
    }
  }
}

function figcaption(caption: string, credit: string): string {
  if (!caption && !credit) return "";
  const creditHtml = credit
    ? caption
      ? `<span class="press-photo-credit"> — ${escapeText(credit)}</span>`
      : `<span class="press-photo-credit">${escapeText(credit)}</span>`
    : "";
  return `<figcaption>${escapeText(caption)}${creditHtml}</figcaption>`;
}

function sizeAttrs(photo: PressPhotoInfo): string {
  const ok = (n: number | undefined): n is number => typeof n === "number" && Number.isInteger(n) && n > 0;
  return ok(photo.width) && ok(photo.height) ? ` width="${photo.width}" height="${photo.height}"` : "";
}

function renderImage(token: Token, alt: string, env: RenderEnv): string {
  const src = String(token.attrGet("src") ?? "");
  const title = token.attrGet("title");
  const titleAttr = title ? ` title="${escapeAttr(String(title))}"` : "";
  const loading = env.lazyImages === false ? "" : ' loading="lazy"';
  const figure = Boolean(token.meta?.figure);
  const photoMatch = photoSrcPattern.exec(src);
  if (photoMatch) {
    const id = photoMatch[1] ?? "";
    const photo = env.photo ? env.photo(id) : null;
    const caption = alt || photo?.caption?.trim() || "";
    if (!photo) {
      const placeholder = `<span class="press-photo-placeholder">${escapeText(env.photoNotFound ?? defaultPhotoNotFound)}</span>`;
      if (!figure) return placeholder;
      return `<figure class="press-photo press-photo-missing" data-photo-id="${escapeAttr(id)}">${placeholder}${figcaption(caption, "")}</figure>\n`;
    }
    const credit = photo.credit?.trim() ?? "";
    if (!figure) {
      return `<img class="press-photo-inline" src="${escapeAttr(photo.url)}" alt="${escapeAttr(caption)}"${titleAttr}${loading} />`;
    }
    return `<figure class="press-photo" data-photo-id="${escapeAttr(id)}"><img src="${escapeAttr(photo.url)}" alt="${escapeAttr(caption)}"${titleAttr}${sizeAttrs(photo)}${loading} />${figcaption(caption, credit)}</figure>\n`;
  }
  if (isMediaSrc(src)) {
    if (!figure) {
      return `<img class="press-photo-inline" src="${escapeAttr(src)}" alt="${escapeAttr(alt)}"${titleAttr}${loading} />`;
    }
    return `<figure class="press-photo"><img src="${escapeAttr(src)}" alt="${escapeAttr(alt)}"${titleAttr}${loading} />${figcaption(alt, "")}</figure>\n`;
  }
  return "";
}

const parser = createParser();

function parse(markdown: string): Token[] {
  return parser.parse(markdown, {});
}

function markLead(tokens: Token[]): void {
  for (const token of tokens) {
    if (token.type === "paragraph_open" && token.level === 0 && !token.hidden) {
      token.attrSet("class", "press-lead");
      return;
    }
  }
}

/** The body as HTML: safe by construction (see the module comment). */
export function renderPressMarkdown(markdown: string, options: PressMarkdownOptions): string {
  const tokens = parse(markdown);
  if (options.markLead || options.boldLead) markLead(tokens);
  const env: RenderEnv = {
    photo: options.photo,
    photoNotFound: options.photoNotFound ?? defaultPhotoNotFound,
    lazyImages: options.lazyImages,
  };
  const html = parser.renderer.render(tokens, parser.options, env);
  // Paragraphs do not nest, so the lead is everything up to the first </p> after its opening tag.
  return options.boldLead
    ? html.replace(/<p class="press-lead">([\s\S]*?)<\/p>/, '<p class="press-lead"><strong>$1</strong></p>')
    : html;
}

// ---------------------------------------------------------------------------------------------------------------
// The block model: what the plain text, the .docx and the lead are made from.

export interface PressRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  /** The link's target when the run is a link's text. */
  href?: string;
}

export type PressBlock =
  | { kind: "paragraph"; runs: PressRun[] }
  | { kind: "heading"; level: number; runs: PressRun[] }
  | { kind: "photo"; photoId: string | null; src: string | null; caption: string }
  | { kind: "list"; ordered: boolean; start: number; items: PressRun[][] }
  | { kind: "quote"; runs: PressRun[] }
  | { kind: "code"; text: string }
  | { kind: "table"; rows: string[][] };

function inlineRuns(children: Token[]): PressRun[] {
  const runs: PressRun[] = [];
  let bold = 0;
  let italic = 0;
  let strike = 0;
  let href: string | undefined;
  const push = (text: string, extra: Partial<PressRun> = {}) => {
    if (!text) return;
    const run: PressRun = { text };
    if (bold > 0) run.bold = true;
    if (italic > 0) run.italic = true;
    if (strike > 0) run.strike = true;
    if (href) run.href = href;
    Object.assign(run, extra);
    runs.push(run);
  };
  for (const child of children) {
    switch (child.type) {
      case "text":
        push(child.content);
        break;
      case "code_inline":
        push(child.content, { code: true });
        break;
      case "softbreak":
        push(" ");
        break;
      case "hardbreak":
        push("\n");
        break;
      case "strong_open":
        bold++;
        break;
      case "strong_close":
        bold--;
        break;
      case "em_open":
        italic++;
        break;
      case "em_close":
        italic--;
        break;
      case "s_open":
        strike++;
        break;
      case "s_close":
        strike--;
        break;
      case "link_open": {
        const target = String(child.attrGet("href") ?? "");
        href = isPhotoSrc(target) ? undefined : target;
        break;
      }
      case "link_close":
        href = undefined;
        break;
      case "image": {
        // What the HTML shows: an event photo or a /media/ image by its caption; any other image is dropped.
        const alt = isShownImageSrc(String(child.attrGet("src") ?? "")) ? imageAlt(child) : "";
        if (alt) push(alt);
        break;
      }
      default:
        break;
    }
  }
  return mergeRuns(runs);
}

function sameStyle(a: PressRun, b: PressRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.strike === b.strike && a.code === b.code && a.href === b.href;
}

function mergeRuns(runs: PressRun[]): PressRun[] {
  const merged: PressRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && sameStyle(last, run)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

function imageAlt(token: Token): string {
  return (token.children ?? [])
    .map((child) => (child.type === "softbreak" ? " " : child.content))
    .join("")
    .trim();
}

/** The document as blocks: photos on their own, lists as items, tables as rows of plain text. */
export function pressMarkdownBlocks(markdown: string): PressBlock[] {
  const tokens = parse(markdown);
  const blocks: PressBlock[] = [];
  const inlineAt = (index: number): Token[] => tokens[index]?.children ?? [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token) break;
    if (token.type === "paragraph_open") {
      const image = token.hidden ? soleImage(inlineAt(i + 1)) : null;
      if (image) {
        const src = String(image.attrGet("src") ?? "");
        const match = photoSrcPattern.exec(src);
        if (match) blocks.push({ kind: "photo", photoId: match[1] ?? null, src: null, caption: imageAlt(image) });
        else if (isMediaSrc(src)) blocks.push({ kind: "photo", photoId: null, src, caption: imageAlt(image) });
      } else {
        const runs = inlineRuns(inlineAt(i + 1));
        if (runs.length) blocks.push({ kind: "paragraph", runs });
      }
      i += 3;
      continue;
    }
    if (token.type === "heading_open") {
      blocks.push({ kind: "heading", level: Number(token.tag.slice(1)), runs: inlineRuns(inlineAt(i + 1)) });
      i += 3;
      continue;
    }
    if (token.type === "bullet_list_open" || token.type === "ordered_list_open") {
      const end = closingIndex(tokens, i);
      const items: PressRun[][] = [];
      let depth = 0;
      let current: PressRun[] | null = null;
      for (const inner of tokens.slice(i + 1, end)) {
        if (inner.type === "list_item_open") {
          depth++;
          if (depth === 1) current = [];
          else if (current) current.push({ text: "\n" });
        } else if (inner.type === "list_item_close") {
          depth--;
          if (depth === 0 && current) {
            items.push(mergeRuns(current));
            current = null;
          }
        } else if (inner.type === "inline" && current) {
          const last = current[current.length - 1];
          if (last && last.text !== "\n") current.push({ text: " " });
          current.push(...inlineRuns(inner.children ?? []));
        }
      }
      const ordered = token.type === "ordered_list_open";
      const start = ordered ? Number(token.attrGet("start") ?? 1) : 1;
      blocks.push({ kind: "list", ordered, start, items });
      i = end + 1;
      continue;
    }
    if (token.type === "blockquote_open") {
      const end = closingIndex(tokens, i);
      const runs: PressRun[] = [];
      for (const inner of tokens.slice(i + 1, end)) {
        if (inner.type !== "inline") continue;
        if (runs.length) runs.push({ text: "\n" });
        runs.push(...inlineRuns(inner.children ?? []));
      }
      if (runs.length) blocks.push({ kind: "quote", runs: mergeRuns(runs) });
      i = end + 1;
      continue;
    }
    if (token.type === "fence" || token.type === "code_block") {
      const text = token.content.replace(/\n+$/, "");
      if (text) blocks.push({ kind: "code", text });
      i += 1;
      continue;
    }
    if (token.type === "table_open") {
      const end = closingIndex(tokens, i);
      const rows: string[][] = [];
      let row: string[] | null = null;
      for (const inner of tokens.slice(i + 1, end)) {
        if (inner.type === "tr_open") row = [];
        else if (inner.type === "tr_close" && row) {
          rows.push(row);
          row = null;
        } else if (inner.type === "inline" && row) row.push(runsText(inlineRuns(inner.children ?? [])));
      }
      blocks.push({ kind: "table", rows });
      i = end + 1;
      continue;
    }
    i += 1;
  }
  return blocks;
}

function closingIndex(tokens: Token[], openIndex: number): number {
  const openType = tokens[openIndex]?.type ?? "";
  const closeType = openType.replace(/_open$/, "_close");
  let depth = 0;
  for (let j = openIndex; j < tokens.length; j++) {
    const type = tokens[j]?.type;
    if (type === openType) depth++;
    else if (type === closeType) {
      depth--;
      if (depth === 0) return j;
    }
  }
  return tokens.length - 1;
}

function runsText(runs: PressRun[]): string {
  return runs
    .map((run) => run.text)
    .join("")
    .trim();
}

/** A link's text, then its address in brackets when the address is absolute and says something the text does not. */
function runsTextWithLinks(runs: PressRun[]): string {
  let out = "";
  runs.forEach((run, k) => {
    out += run.text;
    const next = runs[k + 1];
    if (run.href && (!next || next.href !== run.href)) {
      const readable = readableHref(run.href);
      const linkText = collectLinkText(runs, k);
      if (readable && readable !== linkText.trim()) out += ` (${readable})`;
    }
  });
  return out.replace(/[ \t]{2,}/g, " ").trim();
}

function collectLinkText(runs: PressRun[], lastIndex: number): string {
  const href = runs[lastIndex]?.href;
  let text = "";
  for (let k = lastIndex; k >= 0; k--) {
    const run = runs[k];
    if (!run || run.href !== href) break;
    text = run.text + text;
  }
  return text;
}

function readableHref(href: string): string | null {
  let decoded = href;
  try {
    decoded = decodeURI(href);
  } catch {
    decoded = href;
  }
  if (/^https?:\/\//i.test(decoded)) return decoded;
  if (/^mailto:/i.test(decoded)) return decoded.slice("mailto:".length);
  return null;
}

/** The caption line of a photo: "caption — credit". */
export function photoCaptionLine(caption: string, credit: string | null | undefined): string {
  const trimmedCredit = credit?.trim() ?? "";
  if (caption && trimmedCredit) return `${caption} — ${trimmedCredit}`;
  return caption || trimmedCredit;
}

/** A photo block's caption: the body's own words, else the photo's caption. */
export function photoBlockCaption(
  block: Extract<PressBlock, { kind: "photo" }>,
  photo: PressPhotoLookup | undefined,
): { caption: string; credit: string | null; info: PressPhotoInfo | null } {
  const info = block.photoId && photo ? photo(block.photoId) : null;
  const caption = block.caption || info?.caption?.trim() || "";
  return { caption, credit: info?.credit?.trim() || null, info };
}

/**
 * Plain text for pasting: blocks separated by blank lines, list items one per line ("• " or "1. "), a photo
 * as its caption line ("caption — credit"), links as their text followed by an absolute address in brackets; no
 * markdown syntax left.
 */
export function pressMarkdownToText(markdown: string, options?: Partial<PressMarkdownOptions>): string {
  const parts: string[] = [];
  for (const block of pressMarkdownBlocks(markdown)) {
    switch (block.kind) {
      case "paragraph":
      case "heading":
      case "quote":
        parts.push(runsTextWithLinks(block.runs));
        break;
      case "photo": {
        const { caption, credit } = photoBlockCaption(block, options?.photo);
        parts.push(photoCaptionLine(caption, credit));
        break;
      }
      case "list":
        parts.push(
          block.items
            .map((item, index) => `${block.ordered ? `${block.start + index}.` : "•"} ${runsTextWithLinks(item)}`)
            .join("\n"),
        );
        break;
      case "code":
        parts.push(block.text);
        break;
      case "table":
        parts.push(block.rows.map((row) => row.join("\t")).join("\n"));
        break;
    }
  }
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .join("\n\n");
}

/**
 * Words as a reader counts them, like the usual word counters (Word, Google Docs): the plain text (as
 * pressMarkdownToText gives it, captions included, markdown syntax and link addresses excluded) split at
 * whitespace; a piece counts when it holds a letter or a digit. So each Vietnamese syllable is a word
 * ("Ban Tuyên giáo" = 3), "19/10/2017" and "2017–2020" are one, a lone dash or bullet is none.
 */
export function countWords(markdown: string): number {
  const parts: string[] = [];
  for (const block of pressMarkdownBlocks(markdown)) {
    switch (block.kind) {
      case "paragraph":
      case "heading":
      case "quote":
        parts.push(block.runs.map((run) => run.text).join(""));
        break;
      case "photo":
        parts.push(block.caption);
        break;
      case "list":
        parts.push(...block.items.map((item) => item.map((run) => run.text).join("")));
        break;
      case "code":
        parts.push(block.text);
        break;
      case "table":
        parts.push(...block.rows.flat());
        break;
    }
  }
  return parts
    .join("\n")
    .split(/\s+/u)
    .filter((piece) => /[\p{L}\p{N}]/u.test(piece)).length;
}

/** The ids of the event photos the body places (![…](photo:<id>)), first appearance first, each once. */
export function referencedPhotoIds(markdown: string): string[] {
  const ids: string[] = [];
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === "image") {
        const match = photoSrcPattern.exec(String(token.attrGet("src") ?? ""));
        const id = match?.[1];
        if (id && !ids.includes(id)) ids.push(id);
      }
      if (token.children) visit(token.children);
    }
  };
  visit(parse(markdown));
  return ids;
}

/** The lead as plain text (link text without addresses): the first paragraph that is not a photo, or "". */
export function pressLeadText(markdown: string): string {
  const lead = pressMarkdownBlocks(markdown).find((block) => block.kind === "paragraph");
  return lead && lead.kind === "paragraph" ? runsText(lead.runs).replace(/\s+/g, " ") : "";
}
