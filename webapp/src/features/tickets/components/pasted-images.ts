import { useRef } from 'react';

/**
 * Images pasted or dropped into the reply editor become inline attachments: each is renamed
 * `paste-<random>.<ext>` (so names are unique), given a content id `paste-<random>@tempodesk`,
 * added to the reply's files and shown in the editor from a local blob URL. What is sent refers to
 * it as `<img src="cid:…">`, and the multipart part `inline` (file name → content id) tells the
 * server which file that is (see README, Replies).
 */
export type PastedImage = { file: File; contentId: string; preview: string };

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** The image files among pasted or dropped ones (those the server may show inline). */
export const imageFilesOf = (files: FileList | File[] | null | undefined): File[] =>
  Array.from(files ?? []).filter((file) => file.type in EXTENSIONS);

const randomPart = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID().replace(/-/g, '').slice(0, 16)
    : Math.random().toString(36).slice(2, 18);

const previewOf = (file: File): string =>
  typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : `blob:paste-${randomPart()}`;

/** A pasted image file as an inline one: a unique name, a content id and a preview URL. */
export const toPastedImage = (file: File): PastedImage => {
  const random = randomPart();
  const renamed = new File([file], `paste-${random}.${EXTENSIONS[file.type] ?? 'png'}`, { type: file.type });
  return { file: renamed, contentId: `paste-${random}@tempodesk`, preview: previewOf(renamed) };
};

/**
 * The HTML to send, with every preview of an image still among `files` replaced by `cid:`, and
 * the `inline` map for those that the HTML shows (file name → content id).
 */
export const inlineForSending = (
  html: string,
  pasted: PastedImage[],
  files: File[],
): { html: string; inline: Record<string, string> } => {
  const inline: Record<string, string> = {};
  let out = html;
  for (const image of pasted) {
    if (!files.includes(image.file)) continue;
    const src = `src="${image.preview}"`;
    if (!out.includes(src)) continue;
    out = out.split(src).join(`src="cid:${image.contentId}"`);
    inline[image.file.name] = image.contentId;
  }
  return { html: out, inline };
};

/** The reply box's pasted images, kept for the draft's lifetime. */
export const usePastedImages = () => {
  const pasted = useRef<PastedImage[]>([]);
  return {
    add: (files: File[]): PastedImage[] => {
      const added = files.map(toPastedImage);
      pasted.current = [...pasted.current, ...added];
      return added;
    },
    forSending: (html: string, files: File[]) => inlineForSending(html, pasted.current, files),
    clear: () => {
      pasted.current.forEach((image) => {
        if (typeof URL.revokeObjectURL === 'function' && image.preview.startsWith('blob:')) {
          try {
            URL.revokeObjectURL(image.preview);
          } catch {
            /* a preview that was never an object URL */
          }
        }
      });
      pasted.current = [];
    },
  };
};
