import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { writeInto } from '@/testing/editor';
import { ReplyBox } from '@/features/tickets/components/reply-box';
import { inlineForSending, toPastedImage } from '@/features/tickets/components/pasted-images';

afterEach(() => vi.unstubAllGlobals());

/** jsdom's Blob has no text(). */
const readText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

const stubPosts = () => {
  const posts: RecordedRequest[] = [];
  stubFetch((request) => {
    if (request.url.endsWith('/signature')) return { status: 200, body: { agentText: '', mailboxText: '' } };
    posts.push(request);
    return { status: 202, body: { message: { id: 'm1' } } };
  });
  return posts;
};

const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'image.png', { type: 'image/png' });

describe('pasted images', () => {
  it('become a file of the reply and a cid: image in the HTML sent', async () => {
    const requests = stubPosts();
    renderWithQueries(<ReplyBox number={7} />);
    const box = screen.getByRole('textbox', { name: 'Reply' });
    await writeInto(box, 'See the screenshot');
    fireEvent.paste(box, { clipboardData: { files: [png()], types: ['Files'], getData: () => '' } });

    // Shown in the editor from a local preview, listed with the files.
    const shown = await vi.waitFor(() => {
      const img = box.querySelector('img');
      expect(img).not.toBeNull();
      return img as HTMLImageElement;
    });
    expect(shown).toHaveAttribute('alt', 'pasted image');
    expect(shown.getAttribute('src')).toMatch(/^blob:/);
    expect(screen.getByText(/^paste-[0-9a-z]+\.png \(4 B\)$/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    const form = requests[0].body as FormData;
    const files = form.getAll('files') as File[];
    expect(files).toHaveLength(1);
    expect(files[0].type).toBe('image/png');
    const inline = JSON.parse(await readText(form.get('inline') as Blob)) as Record<string, string>;
    const contentId = inline[files[0].name];
    expect(contentId).toMatch(/^paste-[0-9a-z]+@tempodesk$/);
    const reply = JSON.parse(await readText(form.get('reply') as Blob)) as { body: string };
    expect(reply.body).toContain(`<img src="cid:${contentId}" alt="pasted image">`);
    expect(reply.body).not.toContain('blob:');
  });

  it('leaves a pasted image out of the inline map once its file is removed', () => {
    const kept = toPastedImage(png());
    const removed = toPastedImage(png());
    const html = `<p><img src="${kept.preview}" alt="pasted image"><img src="${removed.preview}" alt="pasted image"></p>`;

    const sent = inlineForSending(html, [kept, removed], [kept.file]);

    expect(sent.inline).toEqual({ [kept.file.name]: kept.contentId });
    expect(sent.html).toContain(`src="cid:${kept.contentId}"`);
    expect(sent.html).not.toContain(`cid:${removed.contentId}`);
  });
});
