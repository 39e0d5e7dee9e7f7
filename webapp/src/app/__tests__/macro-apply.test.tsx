import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MacroDto, MacroPreviewDto, MacroUpdate } from '@/api/generated/model';
import { aTicket } from '@/testing/tickets';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { macroFillSource } from '@/app/macro-fill';
import { TicketDetail } from '@/features/tickets/components/ticket-detail';

afterEach(() => vi.unstubAllGlobals());

const SLOW = { timeout: 10_000 };

const MACRO = { id: 5, name: 'Waiting on logs', shared: true, addTags: [], removeTags: [] } as unknown as MacroDto;
const PREVIEW: MacroPreviewDto = {
  macroId: 5,
  name: 'Waiting on logs',
  replyText: 'Hi Carla, could you send the printer logs for #1042?',
  note: 'Asked for logs',
  update: {
    comment: 'Macro: Waiting on logs',
    status: 'PENDING',
    pendingReason: 'CUSTOMER',
    pendingFor: 'P2D',
    priority: 'HIGH',
    addTags: ['logs'],
  } as MacroUpdate, // absent fields stay as they are
};

const server = (request: RecordedRequest) => {
  if (request.url.endsWith('/preview')) return { status: 200, body: PREVIEW };
  if (request.method === 'PATCH') return { status: 200, body: { ticket: aTicket(), changes: [], autoFixes: [] } };
  if (request.url === '/api/macros') return { status: 200, body: [MACRO] };
  if (request.url === '/api/tickets/1042') return { status: 200, body: aTicket() };
  if (request.url === '/api/tickets/1042/context')
    return { status: 200, body: { reporterTickets: [], organizationTickets: [], assetTickets: [] } };
  return { status: 200, body: [] };
};

describe('apply macro on the ticket page', () => {
  it('fills the reply box and the update panel for review, and sends nothing until the agent does', async () => {
    const requests = stubFetch(server);
    renderWithQueries(
      <TicketDetail number={1042} agents={[{ id: 7, name: 'Alice Agent' }]} fillSource={macroFillSource} />,
    );

    await userEvent.click(await screen.findByRole('combobox', { name: 'Macro' }, SLOW));
    await userEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Waiting on logs' }));
    await userEvent.click(screen.getByRole('button', { name: 'Apply macro' }));

    await waitFor(
      () => expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveTextContent(PREVIEW.replyText),
      SLOW,
    );
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveTextContent('PENDING');
    expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveTextContent('HIGH');
    expect(screen.getByRole('textbox', { name: /Comment/ })).toHaveValue('Macro: Waiting on logs');
    // The macro's tag change, in the tag editor for review.
    expect(screen.getByRole('combobox', { name: 'Tags' }).closest('.MuiAutocomplete-root')).toHaveTextContent('logs');
    // The page's presence heartbeat (PUT …/presence) changes no ticket: not counted.
    const writes = () => requests.filter((request) => request.method !== 'GET' && !request.url.endsWith('/presence'));
    expect(writes().map((request) => request.url)).toEqual(['/api/tickets/1042/macros/5/preview']);

    await userEvent.click(screen.getByRole('tab', { name: 'Internal note' }));
    expect(screen.getByRole('textbox', { name: /Note/ })).toHaveTextContent('Asked for logs');

    await userEvent.click(screen.getByRole('button', { name: 'Save change' }));
    await waitFor(() => expect(writes()).toHaveLength(2), SLOW);
    expect(writes()[1]).toMatchObject({
      method: 'PATCH',
      body: {
        comment: 'Macro: Waiting on logs',
        status: 'PENDING',
        pendingReason: 'CUSTOMER',
        pendingFor: 'P2D',
        priority: 'HIGH',
        tags: ['logs'], // the tag editor sends the whole set, the macro's tag added
      },
    });
  });
});
