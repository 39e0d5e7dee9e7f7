// The user journeys, in order; each may rely on the ones before it. `needs` lists the API paths
// a step requires: without them (an older backend) the step is skipped, not failed.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';

const unique = `${Date.now().toString(36)}`;
const subject = `Projector in room ${unique} shows no picture`;
const emailSubject = `Badge reader ${unique} rejects every card`;
const state = { ticketNumber: undefined };

const choose = async (page, label, option) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

const rows = (page) => page.locator('tbody tr');

/** Mails the demo mailbox through the "Simulate customer email" dialog; `beforeSend` sees it filled. */
const simulateEmail = async (page, { fromEmail, fromName, subject, body }, beforeSend = async () => {}) => {
  await page.getByRole('button', { name: 'Simulate customer email' }).click();
  const dialog = page.getByRole('dialog', { name: 'Simulate a customer email' });
  await dialog.getByLabel('From (email)').fill(fromEmail);
  await dialog.getByLabel('From (name)').fill(fromName);
  await dialog.getByLabel('Subject').fill(subject);
  await dialog.getByLabel('Message').fill(body);
  await beforeSend();
  await dialog.getByRole('button', { name: 'Send email' }).click();
  await dialog.getByText('Mail received by the demo mailbox').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
};

/** A loopback port nobody listens on (taken from the OS, then released). */
const unservedPort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Signs out whoever is signed in (by dropping the session cookie), then signs in as `email`. */
const signIn = async (page, context, email, password = 'demo') => {
  await context.clearCookies();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

export const scenario = [
  {
    id: 'login',
    name: 'an agent signs in',
    needs: ['/api/auth/login'],
    run: async ({ page, screenshot }) => {
      await page.goto('/');
      await page.waitForURL('**/login');
      await screenshot('login');
      await page.getByLabel('Email').fill('alice@tempodesk.demo');
      await page.getByLabel('Password').fill('wrong password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Wrong email or password.').waitFor();
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByText('Alice', { exact: false }).first().waitFor();
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
    id: 'assign-to-me',
    name: 'an agent can assign a ticket only to themselves, and does',
    needs: ['/api/auth/login', '/api/agents'],
    run: async ({ page }) => {
      await page.getByRole('combobox', { name: 'Assignee' }).click();
      const options = await page.getByRole('option').allInnerTexts();
      // the current assignee (maybe auto-assigned) stays listed; no other agent is offered
      assert.ok(options.includes('Alice Agent (me)'), `assignee options: ${options}`);
      // Ada (admin, capacity 0) never holds a ticket: listed only if every agent were offered
      assert.ok(!options.some((option) => option.startsWith('Ada')), `assignee options: ${options}`);
      await page.getByRole('option', { name: /\(me\)$/ }).click();
      await page.getByRole('textbox', { name: /Comment/ }).fill('Taking this one');
      await page.getByRole('button', { name: 'Save change' }).click();
      await page.getByText(/Updated: .*assignee|Comment added\./).waitFor();
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
      const mail = {
        fromEmail: `lena-${unique}@example.com`,
        fromName: 'Lena Lobby',
        subject: emailSubject,
        body: 'Since the update, no badge opens the front door.',
      };
      await simulateEmail(page, mail, () => screenshot('simulate-email'));
      // no reload: the list refreshes itself
      await page.getByRole('link', { name: emailSubject }).waitFor({ timeout: 60_000 });
    },
  },
  {
    id: 'remote-images',
    name: 'a mail with a tracking pixel fetches nothing remote until "Load remote images" is clicked',
    needs: ['/api/dev/inbound-email'],
    run: async ({ page, screenshot }) => {
      // The "tracker": loopback, served by nobody, so the browser's request is all there is.
      const tracker = `https://127.0.0.1:${await unservedPort()}/`;
      const requested = [];
      const record = (request) => request.url().startsWith(tracker) && requested.push(request.url());
      page.on('request', record);
      try {
        const newsletter = `Autumn offers ${unique}`;
        const logo =
          'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%22120%22 height=%2224%22%3E' +
          '%3Crect width=%22120%22 height=%2224%22 rx=%224%22 fill=%22%23e65100%22/%3E%3C/svg%3E';
        await page.getByRole('link', { name: 'Tickets' }).click();
        await simulateEmail(page, {
          fromEmail: `offers-${unique}@shop.example`,
          fromName: 'Shop Newsletter',
          subject: newsletter,
          body:
            `<p><img alt="Shop logo" src="${logo}"></p><p>Dear customer, our autumn offers are here.</p>` +
            `<p><img alt="Autumn banner" width="300" height="80" src="${tracker}banner-${unique}.png"></p>` +
            `<table background="${tracker}bg-${unique}.png"><tr><td>20 % off all printers</td></tr></table>` +
            `<img alt="" width="1" height="1" src="${tracker}open-${unique}.gif">`,
        });
        await page.getByRole('link', { name: newsletter }).click({ timeout: 60_000 });
        const message = page
          .getByRole('list', { name: 'Conversation' })
          .getByRole('listitem')
          .filter({ hasText: 'our autumn offers are here' });
        await message.getByText('Remote images are hidden.').waitFor();
        // the data: image shows; the remote one has no source at all
        await message.getByRole('img', { name: 'Shop logo' }).waitFor();
        assert.equal(await message.getByRole('img', { name: 'Autumn banner' }).getAttribute('src'), null);
        await page.waitForTimeout(1_000); // the images would have been asked for when the mail rendered
        assert.deepEqual(requested, [], 'nothing is fetched from the tracker before the click');
        await screenshot('remote-images-blocked');

        const fetched = page.waitForRequest((request) => request.url().startsWith(tracker));
        await message.getByRole('button', { name: 'Load remote images' }).click();
        await fetched;
        await message.getByText('Remote images are hidden.').waitFor({ state: 'detached' });
        assert.equal(
          await message.getByRole('img', { name: 'Autumn banner' }).getAttribute('src'),
          `${tracker}banner-${unique}.png`,
        );
      } finally {
        page.off('request', record);
      }
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
    id: 'quarantine',
    name: 'a manager sees quarantined mail with its reason and tries it again',
    needs: ['/api/mailboxes/{mailboxId}/quarantine'],
    run: async ({ page, context, screenshot }) => {
      // The browser test puts one mail the database cannot store into the demo mailbox.
      await signIn(page, context, 'max@tempodesk.demo');
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('link', { name: 'Mailboxes' }).click();
      const table = page.getByRole('table', { name: 'Quarantined messages of support@tempodesk.demo' });
      const row = table.locator('tbody tr', { hasText: 'Invoice 4711 attached' });
      await row.waitFor({ timeout: 90_000 });
      await row.getByText('index row size').waitFor();
      await row.getByText('Held after 3 tries').waitFor({ timeout: 90_000 });
      await screenshot('quarantine');
      await row.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('status').filter({ hasText: 'Still failing' }).waitFor();
      await signIn(page, context, 'alice@tempodesk.demo');
      await page.waitForURL((url) => url.pathname === '/');
    },
  },
  {
    id: 'notifications',
    name: 'the notifications page shows the feed or its empty state, the bell its unread count',
    needs: ['/api/auth/login', '/api/notifications'],
    run: async ({ page, screenshot }) => {
      await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
      await page.getByRole('link', { name: 'See all notifications' }).click();
      await page.getByRole('heading', { name: /^Notifications/ }).waitFor();
      await page
        .getByTestId('notification')
        .first()
        .or(page.getByText(/^No notifications yet/))
        .waitFor();
      if (await page.getByRole('button', { name: 'Mark all read' }).isVisible()) {
        await page.getByRole('button', { name: 'Mark all read' }).click();
        await page.getByRole('button', { name: 'Notifications, 0 unread' }).waitFor();
      }
      await screenshot('notifications');
    },
  },
  {
    id: 'agents',
    name: 'an admin lists the agents and changes a capacity',
    needs: ['/api/auth/login', '/api/agents'],
    run: async ({ page, context, screenshot }) => {
      await signIn(page, context, 'ada@tempodesk.demo');
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('link', { name: 'Agents' }).click();
      const max = page.getByRole('row').filter({ hasText: 'max@tempodesk.demo' });
      await max.waitFor();
      await screenshot('agents');
      await max.getByRole('button', { name: /^Edit/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Capacity (tickets at once)').fill('7');
      await dialog.getByRole('button', { name: 'Save agent' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await max.getByRole('cell', { name: '7', exact: true }).waitFor();
    },
  },
  {
    id: 'stats',
    name: 'the statistics dashboard shows figures and charts or their empty states, and the queue',
    needs: ['/api/auth/login', '/api/stats/summary'],
    run: async ({ page, screenshot }) => {
      await page.getByRole('link', { name: 'Statistics' }).click();
      await page.getByRole('heading', { name: 'Statistics' }).waitFor();
      await page.getByTestId('figure-Created').waitFor();
      const hourly = page.getByRole('region', { name: 'Tickets per hour' });
      await hourly.locator('svg').first().or(hourly.getByText('No computed hours in this range yet.')).waitFor();
      await page
        .getByRole('region', { name: 'Assignment queue' })
        .getByText(/waiting for an agent/)
        .waitFor();
      await screenshot('stats');
    },
  },
  {
    id: 'portal',
    name: 'a customer signs into the portal and sees only their tickets',
    needs: ['/api/auth/login', '/api/portal/tickets'],
    run: async ({ page, context, screenshot }) => {
      await signIn(page, context, 'carla@acme.example');
      await page.waitForURL('**/portal');
      const mine = page.getByRole('list', { name: 'My tickets' });
      await mine.getByText('Invoice shows the wrong VAT number').waitFor();
      const listed = await mine.innerText();
      assert.ok(!listed.includes('Web shop checkout times out'), `another customer's ticket is listed: ${listed}`);
      assert.ok(!listed.includes(subject), `a ticket of another customer is listed: ${listed}`);
      await screenshot('portal');
    },
  },
  {
    id: 'portal-request',
    name: 'the customer opens a request and replies to it',
    needs: ['/api/auth/login', '/api/portal/tickets'],
    run: async ({ page, screenshot }) => {
      const request = `Meeting room ${unique} display flickers`;
      await page.getByRole('link', { name: 'New request' }).click();
      await page.getByLabel('Subject').fill(request);
      await page.getByLabel('How can we help?').fill('The display in the big meeting room flickers every few seconds.');
      await page.getByRole('button', { name: 'Send request' }).click();
      await page.waitForURL(/\/portal\/tickets\/\d+$/);
      await page.getByRole('heading', { name: new RegExp(request) }).waitFor();
      await page.getByLabel('Your reply').fill(`It also happens with a laptop connected (${unique}).`);
      await page.getByRole('button', { name: 'Send reply' }).click();
      await page
        .getByRole('list', { name: 'Conversation' })
        .getByText(`It also happens with a laptop connected (${unique}).`)
        .waitFor();
      await screenshot('portal-ticket');
      await page.getByRole('link', { name: 'My tickets' }).click();
      await page.getByRole('list', { name: 'My tickets' }).getByText(request).waitFor();
    },
  },
];
