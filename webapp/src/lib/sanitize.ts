import DOMPurify from 'dompurify';

/**
 * Email HTML is hostile input: DOMPurify strips scripts, iframes, forms, on* handlers and
 * javascript: URLs; links open in a new tab without access to this window.
 */
const purifier = DOMPurify();
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
});

export const sanitizeEmailHtml = (html: string): string =>
  purifier.sanitize(html, {
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
    ],
    FORBID_ATTR: ['style'],
    ALLOW_DATA_ATTR: false,
  });
