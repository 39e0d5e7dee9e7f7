// The user journeys, in order; each may rely on the ones before it. `needs` lists the API paths
// a step requires: without them (an older backend) the step is skipped, not failed.
import assert from 'node:assert/strict';

const unique = `${Date.now().toString(36)}`;
const subject = `Projector in room ${unique} shows no picture`;
const emailSubject = `Badge reader ${unique} rejects every card`;
const state = { ticketNumber: undefined };

const choose = async (page, label, option) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

const rows = (page) => page.locator('tbody tr');

export const scenario = [
  {
    id: 'login',
    name: 'an agent signs in',
    needs: ['/api/auth/login'],
    run: async ({ page, screenshot }) => {
      await page.goto('/');
      await page.waitForURL('**/login');
      await screenshot('login');
      await page.getByLabel('Email').fill(process.env.E2E_AGENT_EMAIL ?? 'alice@tempodesk.demo');
      await page.getByLabel('Password').fill(process.env.E2E_AGENT_PASSWORD ?? 'demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
    },
  },
  {
    id: 'list',
    name: 'the ticket list shows open tickets with SLA chips, done ones hidden',
    run: async ({ page, screenshot }) => {
      await page.goto('/');
      await rows(page).first().waitFor();
      const statuses = await rows(page).locator('td:nth-child(3)').allInnerTexts();
      assert.ok(statuses.length > 0, 'the demo data has tickets');
      assert.ok(!statuses.includes('CLOSED'), `closed tickets are hidden by default: ${statuses}`);
      await screenshot('ticket-list');
    },
  },
  {
    id: 'create',
    name: 'an agent opens a ticket on behalf of a customer',
    run: async ({ page, screenshot }) => {
      await page.getByRole('link', { name: 'New ticket' }).click();
      await page.getByLabel('Customer email').fill(`kim-${unique}@example.com`);
      await page.getByLabel('Customer name').fill('Kim Caller');
      await page.getByLabel('Subject').fill(subject);
      await page.getByLabel('Description').fill('Called in: the projector stays blue since this morning.');
      await screenshot('new-ticket');
      await page.getByRole('button', { name: 'Create ticket' }).click();
      await page.waitForURL(/\/tickets\/\d+$/);
      state.ticketNumber = Number(new URL(page.url()).pathname.split('/').pop());
      await page.getByRole('heading', { name: `#${state.ticketNumber} ${subject}` }).waitFor();
    },
  },
  {
    id: 'filter',
    name: 'filtering the list by priority and text finds the ticket',
    run: async ({ page }) => {
      await page.getByRole('link', { name: 'Tickets' }).click();
      await choose(page, 'Priority', 'NORMAL');
      await page.keyboard.press('Escape');
      await page.getByLabel('Search').fill(unique);
      await page.getByTestId(`ticket-row-${state.ticketNumber}`).waitFor();
      await assert.doesNotReject(() => page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1));
      await page.getByRole('combobox', { name: 'Priority' }).click();
      await page.getByRole('option', { name: 'NORMAL', exact: true }).click(); // unselect
      await page.getByRole('option', { name: 'URGENT', exact: true }).click();
      await page.keyboard.press('Escape');
      await page.getByText('No tickets match these filters.').waitFor();
    },
  },
  {
    id: 'update',
    name: 'changing the priority needs a comment, then shows in the audit trail',
    run: async ({ page, screenshot }) => {
      await page.goto(`/tickets/${state.ticketNumber}`); // a reload on a client route works too
      await choose(page, 'Priority', 'HIGH');
      await page.getByRole('button', { name: 'Save change' }).click();
      await page.getByText('A comment is required').waitFor();
      await page.getByRole('textbox', { name: /Comment/ }).fill('The whole lecture hall is waiting');
      await page.getByRole('button', { name: 'Save change' }).click();
      await page.getByText('Updated: priority.').waitFor();
      const entry = page.getByTestId('audit-entry').filter({ hasText: 'priority: NORMAL → HIGH' });
      await entry.getByText('The whole lecture hall is waiting').waitFor();
      await screenshot('ticket');
    },
  },
  {
    id: 'reply',
    name: 'an agent replies to the customer',
    needs: ['/api/tickets/{number}/replies'],
    run: async ({ page }) => {
      await page.getByLabel('Reply', { exact: true }).fill(`We are on our way (${unique}).`);
      await page.getByRole('button', { name: 'Send reply' }).click();
      await page.getByRole('list', { name: 'Conversation' }).getByText(`We are on our way (${unique}).`).waitFor();
    },
  },
  {
    id: 'simulate',
    name: 'a simulated customer email becomes a new ticket in the list',
    needs: ['/api/dev/inbound-email'],
    run: async ({ page, screenshot }) => {
      await page.getByRole('link', { name: 'Tickets' }).click();
      await page.getByRole('button', { name: 'Simulate customer email' }).click();
      const dialog = page.getByRole('dialog', { name: 'Simulate a customer email' });
      await dialog.getByLabel('From (email)').fill(`lena-${unique}@example.com`);
      await dialog.getByLabel('From (name)').fill('Lena Lobby');
      await dialog.getByLabel('Subject').fill(emailSubject);
      await dialog.getByLabel('Message').fill('Since the update, no badge opens the front door.');
      await screenshot('simulate-email');
      await dialog.getByRole('button', { name: 'Send email' }).click();
      await dialog.getByText('Mail received by the demo mailbox').waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      // no reload: the list refreshes itself
      await page.getByRole('link', { name: emailSubject }).waitFor({ timeout: 60_000 });
    },
  },
  {
    id: 'mailboxes',
    name: 'the mailboxes page lists the demo mailbox',
    needs: ['/api/mailboxes'],
    run: async ({ page, screenshot }) => {
      await page.getByRole('link', { name: 'Mailboxes' }).click();
      await page.getByRole('cell', { name: 'support@tempodesk.demo' }).waitFor();
      await screenshot('mailboxes');
    },
  },
  {
    id: 'portal',
    name: 'a customer signs into the portal and sees only their tickets',
    needs: ['/api/auth/login', '/api/portal/tickets'],
    run: async ({ page, context, screenshot }) => {
      await context.clearCookies();
      await page.goto('/login');
      await page.getByLabel('Email').fill(process.env.E2E_CUSTOMER_EMAIL ?? 'carla@acme.example');
      await page.getByLabel('Password').fill(process.env.E2E_CUSTOMER_PASSWORD ?? 'demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/portal');
      await page.getByRole('list', { name: 'My tickets' }).waitFor();
      const listed = await page.getByRole('list', { name: 'My tickets' }).innerText();
      assert.ok(!listed.includes(subject), "another customer's ticket is not listed");
      await screenshot('portal');
    },
  },
];
