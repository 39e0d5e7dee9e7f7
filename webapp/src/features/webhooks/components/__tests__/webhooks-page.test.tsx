import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries, stubFetch, type RecordedRequest } from '@/testing/render';
import { WebhooksPage } from '@/features/webhooks/components/webhooks-page';
import type { WebhookDeliveryDto, WebhookSubscriptionDto } from '@/api/generated/model';

afterEach(() => vi.unstubAllGlobals());

const SECRET = 'whsec_' + 'k'.repeat(43);

const subscription = (overrides: Partial<WebhookSubscriptionDto> = {}): WebhookSubscriptionDto => ({
  id: 4,
  name: 'Ops receiver',
  url: 'https://hooks.example.com/in',
  eventTypes: ['ticket.created', 'ticket.closed'],
  groupIds: [],
  priorities: [],
  enabled: true,
  allowPrivateNetwork: false,
  source: 'API',
  secretHint: '…kkkk',
  consecutiveFailures: 0,
  disabledAt: null,
  disabledReason: null,
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  ...overrides,
});

const delivery: WebhookDeliveryDto = {
  id: 31,
  eventId: 'evt_12',
  eventType: 'ticket.created',
  ticketNumber: 1042,
  occurredAt: '2026-12-05T08:00:00Z',
  redeliveryOf: null,
  status: 'DELIVERED',
  attempts: 2,
  lastStatusCode: 200,
  lastError: null,
  nextAttemptAt: null,
  createdAt: '2026-12-05T08:00:01Z',
  finishedAt: '2026-12-05T08:00:31Z',
  attemptLog: [
    {
      attempt: 1,
      startedAt: '2026-12-05T08:00:01Z',
      durationMs: 12,
      statusCode: 500,
      responseExcerpt: 'oops',
      error: null,
    },
    {
      attempt: 2,
      startedAt: '2026-12-05T08:00:31Z',
      durationMs: 9,
      statusCode: 200,
      responseExcerpt: 'ok',
      error: null,
    },
  ],
};

const api = (
  overrides: (request: RecordedRequest) => { status: number; body: unknown } | undefined = () => undefined,
) => {
  let subscriptions = [
    subscription(),
    subscription({
      id: 5,
      name: 'Notifications',
      source: 'ENVIRONMENT',
      enabled: false,
      disabledReason: 'The last 5 deliveries failed',
      eventTypes: ['notification'],
    }),
  ];
  return stubFetch((request) => {
    const answer = overrides(request);
    if (answer) return answer;
    if (request.url === '/api/groups') return { status: 200, body: [{ id: 1, name: 'Support' }] };
    if (request.url === '/api/webhook-subscriptions' && request.method === 'GET')
      return { status: 200, body: subscriptions };
    if (request.url === '/api/webhook-subscriptions' && request.method === 'POST') {
      const body = request.body as { url: string; eventTypes: string[] };
      const created = subscription({ id: 6, name: 'hooks.example.net', url: body.url, eventTypes: body.eventTypes });
      subscriptions = [...subscriptions, created];
      return { status: 201, body: { subscription: created, secret: SECRET } };
    }
    if (request.url.startsWith('/api/webhook-subscriptions/4/deliveries?'))
      return { status: 200, body: { items: [delivery], nextBefore: null } };
    if (request.url === '/api/webhook-subscriptions/4/deliveries/31/redeliver')
      return { status: 202, body: { deliveryId: 32 } };
    if (request.url === '/api/webhook-subscriptions/5' && request.method === 'PATCH') {
      subscriptions = subscriptions.map((s) => (s.id === 5 ? { ...s, enabled: true, disabledReason: null } : s));
      return { status: 200, body: subscriptions[1] };
    }
    return { status: 404, body: { status: 404, detail: `unexpected ${request.method} ${request.url}` } };
  });
};

describe('admin: webhooks', () => {
  it('lists subscriptions with their status and the reason a disabled one was disabled', async () => {
    api();
    renderWithQueries(<WebhooksPage />);
    const table = await screen.findByRole('table', { name: 'Webhook subscriptions' });
    const ops = within(table).getByRole('row', { name: /Ops receiver/ });
    expect(ops).toHaveTextContent('ticket.created, ticket.closed');
    expect(ops).toHaveTextContent('Enabled');
    const environment = within(table).getByRole('row', { name: /Notifications/ });
    expect(environment).toHaveTextContent('Disabled: The last 5 deliveries failed');
    expect(environment).toHaveTextContent('from the environment');
    expect(within(environment).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(environment).queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('enables a disabled subscription again', async () => {
    const requests = api();
    renderWithQueries(<WebhooksPage />);
    const row = await screen.findByRole('row', { name: /Notifications/ });
    await userEvent.click(within(row).getByRole('button', { name: 'Enable' }));
    expect(await within(await screen.findByRole('row', { name: /Notifications/ })).findByText('Enabled')).toBeVisible();
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ enabled: true });
  });

  it('subscribes a URL to the ticked events and shows the secret once', async () => {
    const requests = api();
    renderWithQueries(<WebhooksPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'New subscription' }));
    const dialog = await screen.findByRole('dialog', { name: 'New webhook subscription' });
    await userEvent.type(within(dialog).getByLabelText(/URL/), 'https://hooks.example.net/td');
    await userEvent.click(within(dialog).getByLabelText(/Ticket closed/));
    await userEvent.click(within(dialog).getByLabelText('Allow private network addresses'));
    expect(within(dialog).getByText(/loopback, link-local/)).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Subscribe' }));

    const secret = await screen.findByRole('status', { name: 'Signing secret' });
    expect(within(secret).getByLabelText('Secret')).toHaveValue(SECRET);
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toMatchObject({
      url: 'https://hooks.example.net/td',
      eventTypes: ['ticket.created', 'ticket.closed'],
      allowPrivateNetwork: true,
    });
    await userEvent.click(within(secret).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('status', { name: 'Signing secret' })).toBeNull();
  });

  it('puts the server’s refusal of the URL on the URL field', async () => {
    api((request) =>
      request.method === 'POST'
        ? {
            status: 400,
            body: {
              status: 400,
              field: 'url',
              detail: 'url is refused: 127.0.0.1 is a loopback address.',
            },
          }
        : undefined,
    );
    renderWithQueries(<WebhooksPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'New subscription' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/URL/), 'http://127.0.0.1/');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Subscribe' }));
    expect(await within(dialog).findByText(/is a loopback address/)).toBeVisible();
  });

  it('shows the delivery log with each attempt and redelivers', async () => {
    const requests = api();
    renderWithQueries(<WebhooksPage />);
    const row = await screen.findByRole('row', { name: /Ops receiver/ });
    await userEvent.click(within(row).getByRole('button', { name: 'Deliveries' }));
    const log = await screen.findByRole('table', { name: 'Deliveries' });
    const first = within(log).getByRole('row', { name: /ticket.created/ });
    expect(first).toHaveTextContent('#1042');
    expect(first).toHaveTextContent('DELIVERED');
    expect(first).toHaveTextContent('200');
    await userEvent.click(within(first).getByRole('button', { name: 'Attempts of delivery 31' }));
    const attempts = await screen.findByRole('table', { name: 'Attempts of delivery 31' });
    expect(within(attempts).getAllByRole('row')).toHaveLength(3);
    expect(attempts).toHaveTextContent('500');
    expect(attempts).toHaveTextContent('oops');
    await userEvent.click(within(first).getByRole('button', { name: 'Redeliver delivery 31' }));
    await vi.waitFor(() =>
      expect(requests.some((r) => r.url.endsWith('/deliveries/31/redeliver') && r.method === 'POST')).toBe(true),
    );
  });
});
