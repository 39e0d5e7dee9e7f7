import { describe, expect, it } from 'vitest';
import { sanitizeEmailHtml } from '@/lib/sanitize';

describe('email HTML sanitizing', () => {
  it('removes scripts, iframes, event handlers and javascript: links but keeps the text', () => {
    const hostile =
      '<p onclick="steal()">Hello <b>there</b></p><script>steal()</script>' +
      '<iframe src="https://evil.example"></iframe><img src="x" onerror="steal()">' +
      '<a href="javascript:steal()">click</a><form action="/api/x"><input name="a"></form>' +
      '<svg><script>steal()</script></svg>';
    const clean = sanitizeEmailHtml(hostile).html;
    expect(clean).toContain('Hello <b>there</b>');
    expect(clean).not.toMatch(/<script|<iframe|<form|<input|onclick|onerror|javascript:/i);
  });

  it('opens links in a new tab without access to the app window', () => {
    const clean = sanitizeEmailHtml('<a href="https://example.com/manual">manual</a>').html;
    expect(clean).toContain('href="https://example.com/manual"');
    expect(clean).toContain('target="_blank"');
    expect(clean).toContain('rel="noopener noreferrer nofollow"');
  });
});

const PIXEL = 'tracker.example';
const DATA_GIF = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

/**
 * Every way an email can make the browser fetch a URL by itself (HTML spec URL attributes, SVG
 * references, CSS), each pointing at the tracker. `image`: brought back by "Load remote images"
 * (and so counted for the bar); otherwise removed for good.
 */
const vectors: { vector: string; html: string; image: boolean }[] = [
  { vector: 'img src https', html: `<img src="https://${PIXEL}/open.gif" alt="logo">`, image: true },
  { vector: 'img src http', html: `<img src="http://${PIXEL}/open.gif">`, image: true },
  { vector: 'img src protocol-relative', html: `<img src="//${PIXEL}/open.gif">`, image: true },
  { vector: 'img src with backslashes', html: `<img src="\\\\${PIXEL}/open.gif">`, image: true },
  { vector: 'img src with a tab and newline', html: `<img src="ht\ttps:/\n/${PIXEL}/open.gif">`, image: true },
  { vector: 'IMG SRC upper case', html: `<IMG SRC="https://${PIXEL}/open.gif">`, image: true },
  { vector: 'img srcset', html: `<img srcset="https://${PIXEL}/a.gif 1x, https://${PIXEL}/b.gif 2x">`, image: true },
  {
    vector: 'img srcset next to a data: candidate',
    html: `<img srcset="https://${PIXEL}/b.gif 2x, ${DATA_GIF} 1x">`,
    image: true,
  },
  {
    vector: 'picture > source srcset',
    html: `<picture><source srcset="https://${PIXEL}/a.webp" type="image/webp"><img src="${DATA_GIF}"></picture>`,
    image: true,
  },
  {
    vector: 'table background',
    html: `<table background="https://${PIXEL}/bg.gif"><tr><td>x</td></tr></table>`,
    image: true,
  },
  {
    vector: 'td background',
    html: `<table><tr><td background="https://${PIXEL}/bg.gif">x</td></tr></table>`,
    image: true,
  },
  { vector: 'svg image href', html: `<svg><image href="https://${PIXEL}/i.png"></image></svg>`, image: true },
  {
    vector: 'svg image xlink:href',
    html: `<svg><image xlink:href="https://${PIXEL}/i.png"></image></svg>`,
    image: true,
  },
  {
    vector: 'svg feImage href',
    html: `<svg><filter><feImage href="https://${PIXEL}/f.png"></feImage></filter></svg>`,
    image: true,
  },
  { vector: 'body background', html: `<body background="https://${PIXEL}/bg.gif">x</body>`, image: false },
  {
    vector: 'div background (not fetched, still removed)',
    html: `<div background="https://${PIXEL}/bg.gif">x</div>`,
    image: false,
  },
  { vector: 'video poster', html: `<video poster="https://${PIXEL}/poster.jpg"></video>`, image: false },
  { vector: 'video src', html: `<video src="https://${PIXEL}/v.mp4" autoplay></video>`, image: false },
  { vector: 'video > source src', html: `<video><source src="https://${PIXEL}/v.mp4"></video>`, image: false },
  { vector: 'audio src', html: `<audio src="https://${PIXEL}/a.mp3"></audio>`, image: false },
  { vector: 'track src', html: `<video><track src="https://${PIXEL}/t.vtt"></video>`, image: false },
  { vector: 'input type=image', html: `<input type="image" src="https://${PIXEL}/button.png">`, image: false },
  { vector: 'link stylesheet', html: `<link rel="stylesheet" href="https://${PIXEL}/s.css">`, image: false },
  {
    vector: 'link preload imagesrcset',
    html: `<link rel="preload" as="image" imagesrcset="https://${PIXEL}/p.png">`,
    image: false,
  },
  { vector: 'link dns-prefetch', html: `<link rel="dns-prefetch" href="https://${PIXEL}">`, image: false },
  { vector: 'object data', html: `<object data="https://${PIXEL}/o.swf"></object>`, image: false },
  { vector: 'embed src', html: `<embed src="https://${PIXEL}/e.swf">`, image: false },
  { vector: 'iframe src', html: `<iframe src="https://${PIXEL}/frame"></iframe>`, image: false },
  { vector: 'iframe srcdoc', html: `<iframe srcdoc="<img src=https://${PIXEL}/x.gif>"></iframe>`, image: false },
  { vector: 'frameset frame src', html: `<frameset><frame src="https://${PIXEL}/f"></frameset>`, image: false },
  { vector: 'meta refresh', html: `<meta http-equiv="refresh" content="0;url=https://${PIXEL}/r">`, image: false },
  { vector: 'base href', html: `<base href="https://${PIXEL}/"><img src="open.gif">`, image: false },
  { vector: 'a ping', html: `<a href="#top" ping="https://${PIXEL}/ping">top</a>`, image: false },
  {
    vector: 'img lowsrc and dynsrc',
    html: `<img lowsrc="https://${PIXEL}/l.gif" dynsrc="https://${PIXEL}/d.avi">`,
    image: false,
  },
  { vector: 'img attributionsrc', html: `<img attributionsrc="https://${PIXEL}/a">`, image: false },
  {
    vector: 'style attribute background-image',
    html: `<div style="background-image:url(https://${PIXEL}/bg.gif)">x</div>`,
    image: false,
  },
  {
    vector: 'style attribute background',
    html: `<td style="background: url('//${PIXEL}/bg.gif')">x</td>`,
    image: false,
  },
  {
    vector: 'style attribute image-set',
    html: `<p style="background:image-set('https://${PIXEL}/a.png' 1x)">x</p>`,
    image: false,
  },
  {
    vector: 'style element url()',
    html: `<style>p{background:url(https://${PIXEL}/bg.gif)}</style><p>x</p>`,
    image: false,
  },
  { vector: 'style element @import', html: `<style>@import "https://${PIXEL}/s.css";</style><p>x</p>`, image: false },
  {
    vector: 'style element @font-face',
    html: `<style>@font-face{font-family:f;src:url(https://${PIXEL}/f.woff)}</style>`,
    image: false,
  },
  {
    vector: 'svg style element',
    html: `<svg><style>rect{fill:url(https://${PIXEL}/p.svg#p)}</style><rect/></svg>`,
    image: false,
  },
  { vector: 'svg fill url()', html: `<svg><rect fill="url(https://${PIXEL}/p.svg#p)"></rect></svg>`, image: false },
  {
    vector: 'svg filter url()',
    html: `<svg><rect filter="url('https://${PIXEL}/f.svg#f')"></rect></svg>`,
    image: false,
  },
  {
    vector: 'svg mask url() with a CSS escape',
    html: `<svg><rect mask="\\75 rl(https://${PIXEL}/m.svg#m)"></rect></svg>`,
    image: false,
  },
  { vector: 'svg use href', html: `<svg><use href="https://${PIXEL}/sprite.svg#icon"></use></svg>`, image: false },
  {
    vector: 'svg gradient href to another document',
    html: `<svg><linearGradient href="https://${PIXEL}/g.svg#g"></linearGradient></svg>`,
    image: false,
  },
  { vector: 'svg script href', html: `<svg><script href="https://${PIXEL}/s.js"></script></svg>`, image: false },
  { vector: 'mathml mglyph src', html: `<math><mglyph src="https://${PIXEL}/g.png"></mglyph></math>`, image: false },
  { vector: 'button formaction', html: `<button formaction="https://${PIXEL}/f">x</button>`, image: false },
  { vector: 'form action', html: `<form action="https://${PIXEL}/f"><button>x</button></form>`, image: false },
];

describe('remote content in email HTML', () => {
  it.each(vectors)('blocks $vector until the reader asks', ({ html, image }) => {
    const blocked = sanitizeEmailHtml(html, 'block');
    expect(blocked.html).not.toContain(PIXEL);
    expect(blocked.blockedRemote).toBe(image ? 1 : 0);

    const loaded = sanitizeEmailHtml(html, 'load');
    expect(loaded.blockedRemote).toBe(0);
    if (image) {
      // only over https, which is all the Content-Security-Policy lets images use
      expect(loaded.html).toContain(`https://${PIXEL}/`);
      expect(loaded.html).not.toContain(`http://${PIXEL}`);
    } else {
      expect(loaded.html).not.toContain(PIXEL);
    }
  });

  it('keeps the data: candidates of a srcset while hiding the remote ones', () => {
    const html = `<img srcset="https://${PIXEL}/b.gif 2x, ${DATA_GIF} 1x">`;
    expect(sanitizeEmailHtml(html).html).toBe(`<img srcset="${DATA_GIF} 1x">`);
    expect(sanitizeEmailHtml(html, 'load').html).toBe(`<img srcset="https://${PIXEL}/b.gif 2x, ${DATA_GIF} 1x">`);
  });

  it('counts each hidden image, and keeps what needs no fetch', () => {
    const mail =
      `<p>Hi</p><img src="https://${PIXEL}/1.gif"><img src="https://cdn.example/2.png" alt="Our logo">` +
      `<img src="${DATA_GIF}" alt="inline"><img src="/api/attachments/4b1e6c2e-8d0a-4a57-9d55-4e1f0c1a2b3c">` +
      `<img src="cid:logo@mail"><a href="https://${PIXEL}/unsubscribe">Unsubscribe</a>` +
      `<svg><linearGradient id="g"></linearGradient><rect fill="url(#g)"></rect></svg>`;

    const { html, blockedRemote } = sanitizeEmailHtml(mail);

    expect(blockedRemote).toBe(2);
    expect(html).toContain(`src="${DATA_GIF}"`);
    expect(html).toContain('src="/api/attachments/4b1e6c2e-8d0a-4a57-9d55-4e1f0c1a2b3c"');
    expect(html).toContain('src="cid:logo@mail"');
    expect(html).toContain('alt="Our logo"');
    expect(html).toContain(`href="https://${PIXEL}/unsubscribe"`); // a link fetches nothing until clicked
    expect(html).toContain('fill="url(#g)"');
    expect(html).not.toContain('1.gif');
    expect(html).not.toContain('cdn.example');
  });

  it('never points an image at our own API, clicked or not', () => {
    for (const src of ['/api/auth/logout', '/api/tickets', '../api/agents', '#', 'ftp://files.example/x.gif']) {
      for (const mode of ['block', 'load'] as const) {
        const { html, blockedRemote } = sanitizeEmailHtml(`<img src="${src}">`, mode);
        expect(html, `${src} (${mode})`).toBe('<img>');
        expect(blockedRemote).toBe(0);
      }
    }
  });

  it('writes our attachment URLs back as plain paths, so no scheme trick can turn them remote', () => {
    // on an http page "https:/api/…" would be the host "api"
    expect(sanitizeEmailHtml('<img src="https:/api/attachments/a1">').html).toBe('<img src="/api/attachments/a1">');
  });

  it('reports nothing hidden for mail without remote images', () => {
    expect(sanitizeEmailHtml(`<p>Plain <b>mail</b></p><img src="${DATA_GIF}">`).blockedRemote).toBe(0);
  });
});
