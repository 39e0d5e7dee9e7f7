import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// jsdom does no layout; ProseMirror (the reply box's rich editor) asks for rectangles and the
// element at a point when it scrolls the cursor into view. Empty answers are enough for tests.
const noRects = () => {
  const list = [] as unknown as DOMRectList;
  Object.assign(list, { item: () => null });
  return list;
};
const emptyRect = () => new DOMRect(0, 0, 0, 0);
for (const proto of [Range.prototype, Element.prototype]) {
  if (!('getClientRects' in proto) || typeof proto.getClientRects !== 'function') {
    Object.assign(proto, { getClientRects: noRects });
  }
  if (!('getBoundingClientRect' in proto) || typeof proto.getBoundingClientRect !== 'function') {
    Object.assign(proto, { getBoundingClientRect: emptyRect });
  }
}
if (typeof document.elementFromPoint !== 'function') {
  document.elementFromPoint = () => null;
}
// jsdom has no isContentEditable (the shortcuts hook asks it whether a key is typed into a field).
if (!('isContentEditable' in HTMLElement.prototype)) {
  Object.defineProperty(HTMLElement.prototype, 'isContentEditable', {
    get(this: HTMLElement) {
      const host = this.closest('[contenteditable]');
      return host !== null && host.getAttribute('contenteditable') !== 'false';
    },
  });
}
