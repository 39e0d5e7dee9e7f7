import { describe, expect, it } from 'vitest';
import { sanitizeEmailHtml } from '@/lib/sanitize';

describe('email HTML sanitizing', () => {
  it('removes scripts, iframes, event handlers and javascript: links but keeps the text', () => {
    const hostile =
      '<p onclick="steal()">Hello <b>there</b></p><script>steal()</script>' +
      '<iframe src="https://evil.example"></iframe><img src="x" onerror="steal()">' +
      '<a href="javascript:steal()">click</a><form action="/api/x"><input name="a"></form>' +
      '<svg><script>steal()</script></svg>';
    const clean = sanitizeEmailHtml(hostile);
    expect(clean).toContain('Hello <b>there</b>');
    expect(clean).not.toMatch(/<script|<iframe|<form|<input|onclick|onerror|javascript:/i);
  });

  it('opens links in a new tab without access to the app window', () => {
    const clean = sanitizeEmailHtml('<a href="https://example.com/manual">manual</a>');
    expect(clean).toContain('target="_blank"');
    expect(clean).toContain('rel="noopener noreferrer nofollow"');
  });
});
