import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssistResultDto } from '@/api/generated/model';
import { aTicket } from '@/testing/tickets';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { assistFillSource } from '@/app/assist-fill';
import { AssistSummary } from '@/features/assist/components/assist-summary';
import { TicketDetail } from '@/features/tickets/components/ticket-detail';

afterEach(() => vi.unstubAllGlobals());

const SLOW = { timeout: 10_000 };

const result = (fields: Partial<AssistResultDto>): AssistResultDto =>
  ({
    id: 1,
    ticketNumber: 1042,
    text: null,
    triage: null,
    model: 'llama-test',
    createdAt: '2026-12-06T10:00:00Z',
    messagesCovered: 2,
    requestedBy: null,
    appliedAt: null,
    ...fields,
  }) as AssistResultDto;

const TRIAGE = result({
  id: 3,
  kind: 'TRIAGE',
  triage: { priority: 'HIGH', tags: ['billing'], groupId: null, groupName: null, reason: 'charged twice' },
});
const DRAFT = result({ id: 4, kind: 'DRAFT', text: 'Hello Carla, we refund it today.' });

const server =
  (on: boolean, draftAnswers: unknown[] = [DRAFT]) =>
  (request: RecordedRequest) => {
    if (request.url === '/api/assist')
      return { status: 200, body: { configured: on, enabled: true, on, model: 'llama-test', autoApplyTriage: false } };
    if (request.url === '/api/tickets/1042/assist/triage')
      return { status: 200, body: { latest: TRIAGE, publicMessages: 2 } };
    if (request.url === '/api/tickets/1042/assist/summary' && request.method === 'GET')
      return {
        status: 200,
        body: { latest: result({ kind: 'SUMMARY', text: '- Carla: the printer jams.' }), publicMessages: 3 },
      };
    if (request.url === '/api/tickets/1042/assist/draft') {
      const next = draftAnswers.shift();
      return next === 'RUNNING'
        ? { status: 202, body: { status: 'RUNNING', retryAfterSeconds: 0.01 } }
        : { status: 200, body: next };
    }
    if (request.method === 'PATCH') return { status: 200, body: { ticket: aTicket(), changes: [], autoFixes: [] } };
    if (request.url === '/api/tickets/1042') return { status: 200, body: aTicket() };
    if (request.url === '/api/tickets/1042/context')
      return { status: 200, body: { reporterTickets: [], organizationTickets: [], assetTickets: [] } };
    return { status: 200, body: [] };
  };

const writes = (requests: RecordedRequest[]) =>
  requests.filter((request) => request.method !== 'GET' && !request.url.endsWith('/presence'));

describe('assist on the ticket page', () => {
  it('fills the reply box with a suggested reply (asking again while the model works) and sends nothing', async () => {
    const requests = stubFetch(server(true, ['RUNNING', DRAFT]));
    renderWithQueries(<TicketDetail number={1042} agents={[]} fillSource={assistFillSource} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Suggest a reply' }, SLOW));

    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveTextContent(DRAFT.text!), SLOW);
    expect(writes(requests).map((request) => request.url)).toEqual([
      '/api/tickets/1042/assist/draft',
      '/api/tickets/1042/assist/draft',
    ]);
  });

  it('fills the update panel from the triage chip, saved only by the agent with the assist comment', async () => {
    const requests = stubFetch(server(true));
    renderWithQueries(<TicketDetail number={1042} agents={[]} fillSource={assistFillSource} />);

    await userEvent.click(await screen.findByRole('button', { name: /Triage: priority HIGH · tags billing/ }, SLOW));

    expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveTextContent('HIGH');
    expect(screen.getByRole('textbox', { name: /Comment/ })).toHaveValue(
      'Suggested by assist (llama-test): charged twice',
    );
    expect(writes(requests)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Save change' }));
    await waitFor(() => expect(writes(requests)).toHaveLength(1), SLOW);
    expect(writes(requests)[0]).toMatchObject({
      method: 'PATCH',
      body: { comment: 'Suggested by assist (llama-test): charged twice', priority: 'HIGH' },
    });
  });

  it('shows the summary with its model and what it does not cover yet', async () => {
    stubFetch(server(true));
    renderWithQueries(<AssistSummary number={1042} />);
    await screen.findByText('- Carla: the printer jams.', undefined, SLOW);
    expect(screen.getByRole('region', { name: 'Summary' })).toHaveTextContent('Suggested by assist (llama-test)');
    expect(screen.getByRole('region', { name: 'Summary' })).toHaveTextContent('1 newer not covered');
  });

  it('shows nothing of assist when it is off', async () => {
    const requests = stubFetch(server(false));
    renderWithQueries(<TicketDetail number={1042} agents={[]} fillSource={assistFillSource} />);
    await screen.findByRole('button', { name: 'Save change' }, SLOW);
    await waitFor(() => expect(requests.some((request) => request.url === '/api/assist')).toBe(true));
    expect(screen.queryByRole('button', { name: 'Suggest a reply' })).toBeNull();
    expect(requests.some((request) => request.url.includes('/assist/'))).toBe(false);
  });
});
