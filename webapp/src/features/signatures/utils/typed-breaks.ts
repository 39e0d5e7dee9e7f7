/** A line ending with a line break or a block's tag: its newline is only layout. */
const ENDS_WITH_BREAK = /<\/?(?:br|p|div|ul|ol|li|dl|dt|dd|blockquote|pre|h[1-6]|table|tr|td)\b[^<>]*>\s*$/i;

/**
 * The signature as the server stores it (SignatureHtml on the server): a newline typed in the
 * editor that does not follow a `<br>` or a block's tag becomes a `<br>`. For the live preview.
 */
export const withTypedBreaks = (html: string) => {
  const lines = html.trim().replace(/\r\n/g, '\n').split('\n');
  return lines
    .map((line, index) => (index < lines.length - 1 && !ENDS_WITH_BREAK.test(line) ? `${line}<br>` : line))
    .join('\n');
};
