import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TagChips } from '@/features/tickets/components/tag-chips';
import { normalizeTags, TagInput } from '@/components/tag-input';
import { TicketList } from '@/features/tickets/components/ticket-list';
import { UpdatePanel } from '@/features/tickets/components/update-panel';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { aTicket } from '@/testing/tickets';

const SUGGESTIONS = [
  { tag: 'vpn', tickets: 12 },
  { tag: 'vip', tickets: 4 },
];

/** Answers /api/tags with the suggestions and everything else with `other`. */
const withSuggestions =
  (other: (request: RecordedRequest) => { status: number; body: unknown }) => (request: RecordedRequest) =>
    request.url.startsWith('/api/tags')
      ? { status: 200, body: SUGGESTIONS }
      : request.url.startsWith('/api/views') // the list's saved-views rail
        ? { status: 200, body: [] }
        : other(request);

const Editor = ({ initial = [] as string[] }) => {
  const [tags, setTags] = useState(initial);
  return (
    <>
      <TagInput id="tags" label="Tags" value={tags} onChange={setTags} />
      <output aria-label="chosen">{tags.join('|')}</output>
    </>
  );
};

afterEach(() => vi.unstubAllGlobals());

describe('tags', () => {
  it('normalizes typed tags as the server does: trimmed, lower case, spaces as hyphens, commas split', () => {
    expect(normalizeTags(['  Remote  Office ', 'VIP', 'vip', 'a, b', ' '])).toEqual(['remote-office', 'vip', 'a', 'b']);
  });

  it('suggests the tags in use with their counts once opened, and adds typed tags normalized', async () => {
    const requests = stubFetch(withSuggestions(() => ({ status: 404, body: {} })));
    renderWithQueries(<Editor />);
    expect(requests).toHaveLength(0);

    await userEvent.click(screen.getByRole('combobox', { name: 'Tags' }));
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getByRole('option', { name: 'vpn 12' })).toBeInTheDocument();
    await userEvent.click(within(listbox).getByRole('option', { name: 'vip 4' }));
    await userEvent.type(screen.getByRole('combobox', { name: 'Tags' }), 'Remote Office{Enter}');

    expect(screen.getByRole('status', { name: 'chosen' })).toHaveTextContent('vip|remote-office');
    expect(requests[0].url).toMatch(/^\/api\/tags\?/);
  });

  it('shows tags as chips, and nothing for none', () => {
    const { container, rerender } = renderWithQueries(<TagChips tags={['billing', 'vip']} />);
    expect(within(screen.getByRole('list', { name: 'Tags' })).getAllByRole('listitem')).toHaveLength(2);
    rerender(<TagChips tags={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('saves edited tags through the update panel with the comment', async () => {
    const requests = stubFetch(
      withSuggestions(() => ({
        status: 200,
        body: {
          ticket: aTicket({ tags: ['billing', 'vip'] }),
          changes: [{ field: 'tags', from: 'billing', to: 'billing, vip' }],
          autoFixes: [],
        },
      })),
    );
    renderWithQueries(<UpdatePanel ticket={aTicket({ tags: ['billing'] })} agents={[]} />);

    await userEvent.type(screen.getByRole('combobox', { name: 'Tags' }), 'VIP{Enter}');
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'big customer');
    await userEvent.click(screen.getByRole('button', { name: 'Save change' }));

    await waitFor(() => expect(requests.filter((request) => request.method === 'PATCH')).toHaveLength(1));
    const patch = requests.find((request) => request.method === 'PATCH')!;
    expect(patch.body).toEqual({ tags: ['billing', 'vip'], comment: 'big customer', expectedVersion: 4 });
    expect(await screen.findByText('Updated: tags.')).toBeInTheDocument();
  });

  it('sends no tags when they are unchanged, and shows a refused tag on the tags field', async () => {
    const requests = stubFetch(
      withSuggestions(() => ({
        status: 422,
        body: { status: 422, detail: 'Tag "a,b" contains a comma.', field: 'addTags' },
      })),
    );
    renderWithQueries(<UpdatePanel ticket={aTicket({ tags: ['billing'] })} agents={[]} />);

    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'just a note');
    await userEvent.click(screen.getByRole('button', { name: 'Save change' }));

    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Tags' })).toHaveAccessibleDescription('Tag "a,b" contains a comma.'),
    );
    expect(requests.find((request) => request.method === 'PATCH')!.body).not.toHaveProperty('tags');
  });

  it('filters the list by all chosen tags and shows each row’s tags', async () => {
    const page = { items: [aTicket({ tags: ['vip', 'vpn'] })], nextCursor: null };
    const requests = stubFetch(withSuggestions(() => ({ status: 200, body: page })));
    renderWithQueries(
      <MemoryRouter>
        <TicketList />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('list', { name: 'Tags of #1042' })).toHaveTextContent('vipvpn');

    const filter = screen.getByRole('combobox', { name: 'Tags' });
    await userEvent.type(filter, 'vip{Enter}');
    await userEvent.type(filter, 'VPN{Enter}');

    await waitFor(() =>
      expect(requests.map((request) => request.url)).toContainEqual(expect.stringMatching(/tag=vip&tag=vpn/)),
    );
  });
});
