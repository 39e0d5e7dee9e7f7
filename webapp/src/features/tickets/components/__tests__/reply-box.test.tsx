import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { ReplyBox } from '@/features/tickets/components/reply-box';
import { writeInto } from '@/testing/editor';

afterEach(() => vi.unstubAllGlobals());

/** stubFetch that answers the box's read of the signature it would append, and records the rest. */
const stubPosts = (respond: Parameters<typeof stubFetch>[0]) => {
  const posts: RecordedRequest[] = [];
  stubFetch((request) => {
    if (request.url.endsWith('/signature')) return { status: 200, body: { agentText: '', mailboxText: '' } };
    posts.push(request);
    return respond(request);
  });
  return posts;
};

describe('reply box', () => {
  it('adds an internal note and clears the box', async () => {
    const requests = stubPosts(() => ({ status: 201, body: { id: 'm1' } }));
    renderWithQueries(<ReplyBox number={7} />);
    await userEvent.click(screen.getByRole('tab', { name: 'Internal note' }));
    await writeInto(screen.getByLabelText('Note (only agents see it)'), 'Customer is a VIP');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await vi.waitFor(() => expect(screen.getByLabelText('Note (only agents see it)')).toHaveTextContent(/^$/));
    expect(requests).toMatchObject([
      { url: '/api/tickets/7/notes', method: 'POST', body: { body: '<p>Customer is a VIP</p>', bodyFormat: 'HTML' } },
    ]);
  });

  it('refuses an empty reply without asking the server', async () => {
    const requests = stubPosts(() => ({ status: 202, body: {} }));
    renderWithQueries(<ReplyBox number={7} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(screen.getByText('Write something first.')).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it("puts the server's message for the body under the field", async () => {
    stubFetch(() => ({ status: 400, body: { status: 400, detail: 'The reply is too long.', field: 'body' } }));
    renderWithQueries(<ReplyBox number={7} />);
    await userEvent.type(screen.getByLabelText('Reply'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(await screen.findByText('The reply is too long.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

/** jsdom's Blob has no text(). */
const readText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

describe('reply box with files', () => {
  const pdf = () => new File(['%PDF-1.4 manual'], 'manual.pdf', { type: 'application/pdf' });

  it('sends a reply with an attached file as multipart and clears both', async () => {
    const requests = stubPosts(() => ({ status: 202, body: { message: { id: 'm1' } } }));
    renderWithQueries(<ReplyBox number={7} />);
    await writeInto(screen.getByLabelText('Reply'), 'Manual attached');
    await userEvent.upload(screen.getByLabelText('Attach files'), pdf());
    expect(screen.getByText('manual.pdf (15 B)')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await vi.waitFor(() => expect(screen.getByLabelText('Reply')).toHaveTextContent(/^$/));
    expect(screen.queryByText('manual.pdf (15 B)')).not.toBeInTheDocument();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ url: '/api/tickets/7/replies', method: 'POST' });
    const form = requests[0].body as FormData;
    expect(JSON.parse(await readText(form.get('reply') as Blob))).toEqual({
      body: '<p>Manual attached</p>',
      bodyFormat: 'HTML',
    });
    expect((form.getAll('files') as File[]).map((f) => f.name)).toEqual(['manual.pdf']);
  });

  it('takes files dropped on the box and lets one be removed before sending', async () => {
    const requests = stubPosts(() => ({ status: 201, body: { id: 'n1' } }));
    renderWithQueries(<ReplyBox number={7} />);
    await userEvent.click(screen.getByRole('tab', { name: 'Internal note' }));
    const photo = new File(['png'], 'photo.png', { type: 'image/png' });
    fireEvent.drop(screen.getByTestId('file-drop-zone'), { dataTransfer: { files: [pdf(), photo] } });
    const chip = screen.getByText('manual.pdf (15 B)').closest('.MuiChip-root') as HTMLElement;
    await userEvent.click(within(chip).getByTestId('CancelIcon'));
    await userEvent.type(screen.getByLabelText('Note (only agents see it)'), 'Photo of the label');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0].url).toBe('/api/tickets/7/notes');
    expect(((requests[0].body as FormData).getAll('files') as File[]).map((f) => f.name)).toEqual(['photo.png']);
  });

  it("shows the server's refusal of a file at the files", async () => {
    stubFetch(() => ({
      status: 415,
      body: {
        status: 415,
        detail: "'run.exe': .exe files (executables and scripts) are not accepted.",
        field: 'files[0]',
      },
    }));
    renderWithQueries(<ReplyBox number={7} />);
    await userEvent.type(screen.getByLabelText('Reply'), 'Here');
    await userEvent.upload(screen.getByLabelText('Attach files'), new File(['MZ'], 'run.exe'));
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('.exe files (executables and scripts) are not accepted');
    expect(screen.getByText('run.exe (2 B)')).toBeInTheDocument();
  });
});
