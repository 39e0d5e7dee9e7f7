import DOMPurify from 'dompurify';

/**
 * Email HTML is hostile input: DOMPurify strips scripts, iframes, forms, on* handlers and
 * javascript: URLs; links open in a new tab without access to this window.
 *
 * Remote content is a read receipt (a "tracking pixel" tells the sender when and from where an
 * agent read the mail), so nothing outside our origin is fetched until the reader asks for it:
 * with `remoteImages: 'block'` every URL the browser would fetch by itself is removed, and
 * `blockedRemote` counts the images that "Load remote images" would bring back. Always shown:
 * `data:` images and our own attachments (`/api/attachments/{id}`, which inline `cid:` parts become).
 *
 * The fetch vectors, from the HTML spec's list of URL attributes and CSS: img src/srcset,
 * picture > source srcset, source/video/audio/track src, video poster, input type=image src,
 * table/td/th/body background, link href/imagesrcset, object data/codebase, embed/iframe/frame
 * src, iframe srcdoc, meta refresh, base href, a/area ping, SVG image/feImage/use href (and
 * xlink:href), url() in SVG presentation attributes (fill, filter, mask, clip-path, marker-*,
 * cursor), style attributes and <style> (background, url(), image-set(), @import, @font-face).
 * Tags and attributes that can only fetch (link, iframe, object, embed, style, style=, media
 * elements, forms) are removed outright; the image attributes are gated; any other URL attribute
 * keeps only what cannot leave our origin.
 */
export type RemoteImages = 'block' | 'load';

export type SanitizedEmail = {
  html: string;
  /** Remote images removed that `remoteImages: 'load'` would show; 0 when nothing was hidden. */
  blockedRemote: number;
};

/** Element (lower-case local name) → attributes whose URL it fetches and shows as an image. */
const IMAGE_ATTRIBUTES: Record<string, readonly string[]> = {
  img: ['src', 'srcset'],
  source: ['srcset'],
  table: ['background'],
  thead: ['background'],
  tbody: ['background'],
  tfoot: ['background'],
  tr: ['background'],
  td: ['background'],
  th: ['background'],
  image: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
};

/** Attributes holding a URL the browser fetches without a click (whatever the element). */
const FETCHING_ATTRIBUTES = new Set([
  'src',
  'srcset',
  'imagesrcset',
  'poster',
  'background',
  'lowsrc',
  'dynsrc',
  'data',
  'codebase',
  'archive',
  'classid',
  'manifest',
  'ping',
  'attributionsrc',
  'action',
  'formaction',
  'href',
  'xlink:href',
]);

/** Where href is a link followed on a click (HTML a/area, SVG a, any MathML element). */
const isLink = (element: Element) =>
  ['a', 'area'].includes(element.localName.toLowerCase()) ||
  element.namespaceURI === 'http://www.w3.org/1998/Math/MathML';

/** Our own attachments: the only same-origin URLs an email may point at. */
const ATTACHMENT_PATH = /^\/api\/attachments\/[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)?$/;
/** Base for resolving relative URLs, so they are recognisable as "ours" after parsing. */
const SELF = 'https://self.invalid';

type UrlKind = { kind: 'other' } | { kind: 'inline' | 'remote'; href: string };

/**
 * What fetching this URL would do: stay inline (data:, cid:, our attachments), reach another
 * site (http, https, protocol-relative and the backslash forms browsers also accept), or anything
 * else (our other endpoints, odd schemes), which an email never needs.
 */
const classify = (raw: string): UrlKind => {
  const value = raw.replace(/[\t\n\r]/g, '').trim();
  if (!value) return { kind: 'other' };
  let url: URL;
  try {
    url = new URL(value, `${SELF}/`);
  } catch {
    return { kind: 'other' };
  }
  if (url.protocol === 'data:' || url.protocol === 'cid:') return { kind: 'inline', href: value };
  if (url.origin === SELF || url.origin === window.location.origin) {
    // written back as a path: "https:/api/…" would name the host "api" on an http page
    return ATTACHMENT_PATH.test(url.pathname) ? { kind: 'inline', href: url.pathname + url.search } : { kind: 'other' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'other' };
  // Loaded only over https (as browsers upgrade mixed content); the CSP allows no http images.
  url.protocol = 'https:';
  return { kind: 'remote', href: url.href };
};

/** The candidates of a srcset, per the HTML spec's parsing rules (URLs may contain commas). */
const srcsetCandidates = (value: string): { url: string; descriptor: string }[] => {
  const candidates: { url: string; descriptor: string }[] = [];
  let position = 0;
  while (position < value.length) {
    while (position < value.length && /[\s,]/.test(value[position])) position++;
    if (position >= value.length) break;
    let end = position;
    while (end < value.length && !/\s/.test(value[end])) end++;
    let url = value.slice(position, end);
    let descriptor = '';
    position = end;
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      while (position < value.length && (value[position] !== ',' || depth > 0)) {
        if (value[position] === '(') depth++;
        if (value[position] === ')') depth = Math.max(0, depth - 1);
        descriptor += value[position++];
      }
    }
    candidates.push({ url, descriptor: descriptor.trim() });
  }
  return candidates;
};

/** A CSS reference to anything but a fragment of this document (url(#gradient) is fine). */
const FETCHING_CSS = /(?:url|image-set|image|src)\s*\(\s*(?!['"]?#)|\\|@import/i;

const purifier = DOMPurify();
let mode: RemoteImages = 'block';
/** Elements with an image hidden by the current sanitize call. */
let blocked = new Set<Element>();

/** Gates one URL-valued attribute; returns the value to keep, or null to drop the attribute. */
const gate = (element: Element, name: string, value: string): string | null => {
  const image = IMAGE_ATTRIBUTES[element.localName.toLowerCase()]?.includes(name) ?? false;
  const keep = (raw: string): string | null => {
    const url = classify(raw);
    if (url.kind === 'inline') return url.href;
    if (url.kind === 'other' || !image) return null;
    if (mode === 'load') return url.href;
    blocked.add(element);
    return null;
  };
  if (name === 'srcset' || name === 'imagesrcset') {
    const kept = srcsetCandidates(value).flatMap(({ url, descriptor }) => {
      const href = keep(url);
      return href === null ? [] : [descriptor ? `${href} ${descriptor}` : href];
    });
    return kept.length ? kept.join(', ') : null;
  }
  if ((name === 'href' || name === 'xlink:href') && !image && value.trim().startsWith('#')) {
    return value; // an SVG reference inside the same drawing (gradient, path, pattern)
  }
  return keep(value);
};

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return;
  if (['a', 'area'].includes(node.localName.toLowerCase())) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  for (const { name, value } of Array.from(node.attributes)) {
    const lower = name.toLowerCase();
    if ((lower === 'href' || lower === 'xlink:href') && isLink(node)) continue;
    if (FETCHING_ATTRIBUTES.has(lower)) {
      const kept = gate(node, lower, value);
      if (kept === null) node.removeAttribute(name);
      else if (kept !== value) node.setAttribute(name, kept);
    } else if (lower !== 'alt' && lower !== 'title' && FETCHING_CSS.test(value)) {
      node.removeAttribute(name); // url() in an SVG presentation attribute (fill, filter, mask …)
    }
  }
});

export const sanitizeEmailHtml = (html: string, remoteImages: RemoteImages = 'block'): SanitizedEmail => {
  mode = remoteImages;
  blocked = new Set();
  const clean = purifier.sanitize(html, {
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'iframe',
      'object',
      'embed',
      'frame',
      'frameset',
      'base',
      'meta',
      'link',
      // media elements fetch their src and poster, and play; mail clients show none of them
      'audio',
      'video',
      'track',
    ],
    FORBID_ATTR: ['style'],
    ALLOW_DATA_ATTR: false,
  });
  return { html: clean, blockedRemote: blocked.size };
};
