import userEvent from '@testing-library/user-event';

/**
 * Writes text into a rich-text box (the reply box's editor). user-event's key-by-key typing loses
 * its place in a contenteditable that ProseMirror re-renders under it in jsdom, so the text
 * arrives as one paste at the cursor, as the browser would deliver a paste.
 */
export const writeInto = async (box: HTMLElement, text: string) => {
  await userEvent.click(box);
  await userEvent.paste(text);
};
