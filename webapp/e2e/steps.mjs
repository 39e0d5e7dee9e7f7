// The user journeys, in order; each may rely on the ones before it. `needs` lists the API paths
// a step requires: without them (an older backend) the step is skipped, not failed.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const unique = `${Date.now().toString(36)}`;
const subject = `Projector in room ${unique} shows no picture`;
const emailSubject = `Badge reader ${unique} rejects every card`;
const state = {
  ticketNumber: undefined,
  replyAttachmentId: undefined,
  calendarName: `Berlin office ${unique}`,
  policyName: `Business hours ${unique}`,
};

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
// A small PDF and a 48×32 PNG, made here so the test knows their SHA-256.
const manual = Buffer.from(`%PDF-1.4\n% Projector manual ${unique}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);
const photo = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAL5klEQVR42g3OQef6DADA8efl/A8dOnTo0KFDhw4dOnRIkiSTyWSSJMlkkkwmk8lkkiSTSZIkSb4myWQ6dOjQC3l+n1fw+e9fjlCOcI5IjmiOWI54jkSOZI5UjnSOTI5sjnyOYo5yjkqOao5ajnqOZo52jm6OXo5+jmGOUY5xjkmOaY5ZjnmOZY51jk2ObY59jmOOc45rDnLcczxzvHK8c3xyfHP8cvz3r0CoQLhApEC0QKxAvECiQLJAqkC6QKZAtkC+QLFAuUClQLVArUC9QLNAu0C3QK9Av8CwwKjAuMCkwLTArMC8wLLAusCmwLbAvsCxwLnAtQAF7gWeBV4F3gU+Bb4FfoW/UIlQiXCJSIloiViJeIlEiWSJVIl0iUyJbIl8iWKJcolKiWqJWol6iWaJdoluiV6JfolhiVGJcYlJiWmJWYl5iWWJdYlNiW2JfYljiXOJawlK3Es8S7xKvEt8SnxL/Ep/IYGQQFggIhAViAnEBRICSYGUQFogI5AVyAsUBcoCFYGqQE2gLtAUaAt0BXoCfYGhwEhgLDARmArMBOYCS4G1wEZgK7AXOAqcBa4CCNwFngIvgbfAR+Ar8BP+QiIhkbBIRCQqEhOJiyREkiIpkbRIRiQrkhcpipRFKiJVkZpIXaQp0hbpivRE+iJDkZHIWGQiMhWZicxFliJrkY3IVmQvchQ5i1xFELmLPEVeIm+Rj8hX5Cf+hSRCEmGJiERUIiYRl0hIJCVSEmmJjERWIi9RlChLVCSqEjWJukRToi3RlehJ9CWGEiOJscREYioxk5hLLCXWEhuJrcRe4ihxlrhKIHGXeEq8JN4SH4mvxE/6C8mEZMIyEZmoTEwmLpOQScqkZNIyGZmsTF6mKFOWqchUZWoydZmmTFumK9OT6csMZUYyY5mJzFRmJjOXWcqsZTYyW5m9zFHmLHOVQeYu85R5ybxlPjJfmZ/8F2oQahBuEGkQbRBrEG+QaJBskGqQbpBpkG2Qb1BsUG5QaVBtUGtQb9Bs0G7QbdBr0G8wbDBqMG4waTBtMGswb7BssG6wabBtsG9wbHBucG1Ag3uDZ4NXg3eDT4Nvg1/jL9Qi1CLcItIi2iLWIt4i0SLZItUi3SLTItsi36LYotyi0qLaotai3qLZot2i26LXot9i2GLUYtxi0mLaYtZi3mLZYt1i02LbYt/i2OLc4tqCFvcWzxavFu8WnxbfFr/WX6hDqEO4Q6RDtEOsQ7xDokOyQ6pDukOmQ7ZDvkOxQ7lDpUO1Q61DvUOzQ7tDt0OvQ7/DsMOow7jDpMO0w6zDvMOyw7rDpsO2w77DscO5w7UDHe4dnh1eHd4dPh2+HX6dv5BCSCGsEFGIKsQU4goJhaRCSiGtkFHIKuQVigplhYpCVaGmUFdoKrQVugo9hb7CUGGkMFaYKEwVZgpzhaXCWmGjsFXYKxwVzgpXBRTuCk+Fl8Jb4aPwVfgpfyGVkEpYJaISVYmpxFUSKkmVlEpaJaOSVcmrFFXKKhWVqkpNpa7SVGmrdFV6Kn2VocpIZawyUZmqzFTmKkuVtcpGZauyVzmqnFWuKqjcVZ4qL5W3ykflq/JT/0IDQgPCAyIDogNiA+IDEgOSA1ID0gMyA7ID8gOKA8oDKgOqA2oD6gOaA9oDugN6A/oDhgNGA8YDJgOmA2YD5gOWA9YDNgO2A/YDjgPOA64DGHAf8BzwGvAe8BnwHfAb/IU0QhphjYhGVCOmEddIaCQ1UhppjYxGViOvUdQoa1Q0qho1jbpGU6Ot0dXoafQ1hhojjbHGRGOqMdOYayw11hobja3GXuOocda4aqBx13hqvDTeGh+Nr8ZP+wvphHTCOhGdqE5MJ66T0EnqpHTSOhmdrE5ep6hT1qnoVHVqOnWdpk5bp6vT0+nrDHVGOmOdic5UZ6Yz11nqrHU2Oludvc5R56xz1UHnrvPUeem8dT46X52f/hcyCBmEDSIGUYOYQdwgYZA0SBmkDTIGWYO8QdGgbFAxqBrUDOoGTYO2QdegZ9A3GBqMDMYGE4OpwcxgbrA0WBtsDLYGe4OjwdngaoDB3eBp8DJ4G3wMvgY/4y9kEjIJm0RMoiYxk7hJwiRpkjJJm2RMsiZ5k6JJ2aRiUjWpmdRNmiZtk65Jz6RvMjQZmYxNJiZTk5nJ3GRpsjbZmGxN9iZHk7PJ1QSTu8nT5GXyNvmYfE1+5l/IImQRtohYRC1iFnGLhEXSImWRtshYZC3yFkWLskXFompRs6hbNC3aFl2LnkXfYmgxshhbTCymFjOLucXSYm2xsdha7C2OFmeLqwUWd4unxcvibfGx+Fr8rL+QTcgmbBOxidrEbOI2CZukTcombZOxydrkbYo2ZZuKTdWmZlO3adq0bbo2PZu+zdBmZDO2mdhMbWY2c5ulzdpmY7O12dscbc42Vxts7jZPm5fN2+Zj87X52X+hBaEF4QWRBdEFsQXxBYkFyQWpBekFmQXZBfkFxQXlBZUF1QW1BfUFzQXtBd0FvQX9BcMFowXjBZMF0wWzBfMFywXrBZsF2wX7BccF5wXXBSy4L3gueC14L/gs+C74Lf5CK0IrwisiK6IrYiviKxIrkitSK9IrMiuyK/IriivKKyorqitqK+ormivaK7oreiv6K4YrRivGKyYrpitmK+YrlivWKzYrtiv2K44rziuuK1hxX/Fc8VrxXvFZ8V3xW/2FHEIOYYeIQ9Qh5hB3SDgkHVIOaYeMQ9Yh71B0KDtUHKoONYe6Q9Oh7dB16Dn0HYYOI4exw8Rh6jBzmDssHdYOG4etw97h6HB2uDrgcHd4Orwc3g4fh6/Dz/kLuYRcwi4Rl6hLzCXuknBJuqRc0i4Zl6xL3qXoUnapuFRdai51l6ZL26Xr0nPpuwxdRi5jl4nL1GXmMndZuqxdNi5bl73L0eXscnXB5e7ydHm5vF0+Ll+Xn/sX2hHaEd4R2RHdEdsR35HYkdyR2pHekdmR3ZHfUdxR3lHZUd1R21Hf0dzR3tHd0dvR3zHcMdox3jHZMd0x2zHfsdyx3rHZsd2x33Hccd5x3cGO+47njteO947Pju+O3+4vdCB0IHwgciB6IHYgfiBxIHkgdSB9IHMgeyB/oHigfKByoHqgdqB+oHmgfaB7oHegf2B4YHRgfGByYHpgdmB+YHlgfWBzYHtgf+B44HzgeoAD9wPPA68D7wOfA98Dv8Nf6EToRPhE5ET0ROxE/ETiRPJE6kT6ROZE9kT+RPFE+UTlRPVE7UT9RPNE+0T3RO9E/8TwxOjE+MTkxPTE7MT8xPLE+sTmxPbE/sTxxPnE9QQn7ieeJ14n3ic+J74nfqe/0IXQhfCFyIXohdiF+IXEheSF1IX0hcyF7IX8heKF8oXKheqF2oX6heaF9oXuhd6F/oXhhdGF8YXJhemF2YX5heWF9YXNhe2F/YXjhfOF6wUu3C88L7wuvC98Lnwv/C5/oRuhG+EbkRvRG7Eb8RuJG8kbqRvpG5kb2Rv5G8Ub5RuVG9UbtRv1G80b7RvdG70b/RvDG6Mb4xuTG9MbsxvzG8sb6xubG9sb+xvHG+cb1xvcuN943njdeN/43Pje+N3+Qh4hj7BHxCPqEfOIeyQ8kh4pj7RHxiPrkfcoepQ9Kh5Vj5pH3aPp0fboevQ8+h5Dj5HH2GPiMfWYecw9lh5rj43H1mPvcfQ4e1w98Lh7PD1eHm+Pj8fX4+f9hR6EHoQfRB5EH8QexB8kHiQfpB6kH2QeZB/kHxQflB9UHlQf1B7UHzQftB90H/Qe9B8MH4wejB9MHkwfzB7MHywfrB9sHmwf7B8cH5wfXB/w4P7g+eD14P3g8+D74Pf4C/mEfMI+EZ+oT8wn7pPwSfqkfNI+GZ+sT96n6FP2qfhUfWo+dZ+mT9un69Pz6fsMfUY+Y5+Jz9Rn5jP3WfqsfTY+W5+9z9Hn7HP1wefu8/R5+bx9Pj5fn5//FwoIBYQDIgHRgFhAPCARkAxIBaQDMgHZgHxAMaAcUAmoBtQC6gHNgHZAN6AX0A8YBowCxgGTgGnALGAesAxYB2wCtgH7gGPAOeAaQMA94BnwCngHfAK+Ab+A/wGzr2SmOTWH7wAAAABJRU5ErkJggg==',
  'base64',
);

/** Clicks a download link and returns the SHA-256 of what the browser saved. */
const download = async (page, link) => {
  const [saved] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return sha256(await readFile(await saved.path()));
};

/** A screenshot of a long page: a taller window for it, then the usual one again. */
const tallScreenshot = async (page, screenshot, name) => {
  await page.setViewportSize({ width: 1280, height: 1600 });
  await screenshot(name);
  await page.setViewportSize({ width: 1280, height: 800 });
};

/** A same-origin API call from the page, with the session cookie and the CSRF header. */
/** Calls the API from the page (its session and CSRF cookie); returns the status and the JSON answer. */
const requestApi = (page, method, path, body) =>
  page.evaluate(
    async ({ method, path, body }) => {
      const token = document.cookie
        .split('; ')
        .find((c) => c.startsWith('XSRF-TOKEN='))
        ?.slice('XSRF-TOKEN='.length);
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(token ?? '') },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    },
    { method, path, body },
  );

const callApi = async (page, method, path, body) => (await requestApi(page, method, path, body)).status;

const choose = async (page, label, option) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

const rows = (page) => page.locator('tbody tr');

/**
 * Opens the ticket list from the header and waits for its heading: the ticket page has a Priority
 * select and a Tags box of its own, and a step that went on before the list rendered used those.
 */
const openTicketList = async (page) => {
  await page.getByRole('link', { name: 'Tickets' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor();
};

/** Opens a page of the top bar's Settings menu (agents, SLA policies, groups, routing, tokens …). */
const openSettingsPage = async (page, name) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
};

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

/** Fails when the page is wider than the window (a phone would scroll sideways). */
const assertNoHorizontalOverflow = async (page, what) => {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${what} is ${scrollWidth} px wide in a ${innerWidth} px window`);
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
      const statuses = await rows(page).getByTestId('ticket-status').allInnerTexts();
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
      await openTicketList(page);
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
    id: 'reply-attachment',
    name: 'an agent attaches a file to a reply, sees it in the thread and downloads the same bytes',
    needs: ['/api/tickets/{number}/replies', '/api/attachments/{id}'],
    run: async ({ page }) => {
      await page.getByLabel('Reply', { exact: true }).fill(`The manual is attached (${unique}).`);
      await page.getByLabel('Attach files').setInputFiles({
        name: 'projector-manual.pdf',
        mimeType: 'application/pdf',
        buffer: manual,
      });
      await page.getByText(/^projector-manual\.pdf \(/).waitFor();
      await page.getByRole('button', { name: 'Send reply' }).click();
      const conversation = page.getByRole('list', { name: 'Conversation' });
      const link = conversation.getByRole('link', { name: 'Download projector-manual.pdf' });
      await link.waitFor();
      await link.getByText('application/pdf').waitFor();
      state.replyAttachmentId = (await link.getAttribute('href')).split('/').pop();
      assert.equal(await download(page, link), sha256(manual), 'the downloaded file is the uploaded one');
    },
  },
  {
    id: 'inline-image',
    name: 'an inbound HTML mail shows its inline (cid:) image in the thread',
    needs: ['/api/dev/inbound-email', '/api/attachments/{id}'],
    run: async ({ page, screenshot }) => {
      const status = await callApi(page, 'POST', '/api/dev/inbound-email', {
        fromName: 'Kim Caller',
        fromEmail: `kim-${unique}@example.com`,
        subject: `Re: ${subject}`,
        body: `<p>This is what the projector shows (${unique}):</p><p><img src="cid:screen-${unique}" alt="Projector screen"></p>`,
        ticketNumber: state.ticketNumber,
        attachments: [
          {
            filename: 'screen.png',
            contentType: 'image/png',
            contentBase64: photo.toString('base64'),
            inline: true,
            contentId: `screen-${unique}`,
          },
        ],
      });
      assert.equal(status, 202, 'the simulated mail is accepted');
      const image = page.getByRole('list', { name: 'Conversation' }).getByRole('img', { name: 'Projector screen' });
      await image.waitFor({ timeout: 60_000 });
      // The bytes arrive in the background: the image shows once they are stored.
      await page.waitForFunction(
        () => {
          const img = document.querySelector('img[alt="Projector screen"]');
          return img && img.complete && img.naturalWidth > 0;
        },
        undefined,
        { timeout: 60_000, polling: 1_000 },
      );
      await tallScreenshot(page, screenshot, 'attachments-thread');
    },
  },
  {
    id: 'simulate',
    name: 'a simulated customer email becomes a new ticket in the list',
    needs: ['/api/dev/inbound-email'],
    run: async ({ page, screenshot }) => {
      await openTicketList(page);
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
        await openTicketList(page);
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
      await openSettingsPage(page, 'Agents');
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
    id: 'business-calendar',
    name: 'an admin creates a business calendar with office hours and a holiday',
    needs: ['/api/auth/login', '/api/business-calendars'],
    run: async ({ page, screenshot }) => {
      await openSettingsPage(page, 'Calendars');
      await page.getByRole('table', { name: 'Business calendars' }).waitFor();
      await page.getByRole('link', { name: 'New calendar' }).click();
      await page.getByLabel('Name').fill(state.calendarName);
      await page.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Berlin');
      await page.getByRole('option', { name: 'Europe/Berlin', exact: true }).click();
      // Monday to Friday 09:00–17:00 is the default; Friday closes at 15:00 here
      await page.getByLabel('Friday range 1 to').fill('15:00');
      await page.getByLabel('Holiday date').fill('2026-12-24');
      await page.getByRole('button', { name: 'Add holiday' }).click();
      await page.getByLabel('Holiday date').fill('2026-12-25');
      await page.getByRole('button', { name: 'Add holiday' }).click();
      await tallScreenshot(page, screenshot, 'business-calendar');
      await page.getByRole('button', { name: 'Save calendar' }).click();
      const row = page.getByRole('row').filter({ hasText: state.calendarName });
      await row.getByText('Mon–Thu 09:00–17:00 · Fri 09:00–15:00').waitFor();
    },
  },
  {
    id: 'sla-policy',
    name: 'an admin writes an SLA policy with business-hours targets and puts it first',
    needs: ['/api/auth/login', '/api/sla-policies', '/api/business-calendars'],
    run: async ({ page, screenshot }) => {
      await openSettingsPage(page, 'SLA policies');
      await page.getByRole('link', { name: 'New policy' }).click();
      await page.getByLabel('Name').fill(state.policyName);
      await choose(page, 'Business calendar', `${state.calendarName} (Europe/Berlin)`);
      await page.getByRole('combobox', { name: 'Channels' }).click();
      await page.getByRole('option', { name: 'EMAIL', exact: true }).click();
      await page.keyboard.press('Escape');
      const targets = {
        LOW: { 'First response': [8], 'Next reply': [8], Resolution: [40] },
        NORMAL: { 'First response': [4], 'Next reply': [4], Resolution: [16] },
        HIGH: { 'Time to assign': [0, 30], 'First response': [1], 'Next reply': [2], Resolution: [8] },
        URGENT: { 'Time to assign': [0, 15], 'First response': [0, 30], 'Next reply': [1], Resolution: [4] },
      };
      for (const [priority, metrics] of Object.entries(targets)) {
        for (const [metric, [hours, minutes]] of Object.entries(metrics)) {
          if (hours) await page.getByLabel(`${priority} ${metric} hours`).fill(String(hours));
          if (minutes) await page.getByLabel(`${priority} ${metric} minutes`).fill(String(minutes));
        }
      }
      // waiting for a third party does not stop the first-response clock
      await page.getByLabel('Third party pauses First response').uncheck();
      await tallScreenshot(page, screenshot, 'sla-policy-editor');
      await page.getByRole('button', { name: 'Save policy' }).click();
      const row = page.getByRole('row').filter({ hasText: state.policyName });
      await row.getByText('14 targets').waitFor();
      // new policies are tried last: move this one to the top (the demo may have others)
      const up = page.getByRole('button', { name: `Move ${state.policyName} up` });
      while (await up.isEnabled()) {
        const before = await row.getByRole('cell').first().innerText();
        await up.click();
        await page.waitForFunction(
          ([name, was]) =>
            [...document.querySelectorAll('tbody tr')]
              .find((tr) => tr.textContent.includes(name))
              ?.querySelector('td')
              ?.textContent.trim() !== was,
          [state.policyName, before.trim()],
        );
      }
      assert.equal((await row.getByRole('cell').first().innerText()).trim(), '1');
    },
  },
  {
    id: 'sla-clocks',
    name: 'a ticket shows its first-response and next-reply clocks in business time',
    needs: ['/api/dev/inbound-email', '/api/sla-policies'],
    run: async ({ page, screenshot }) => {
      const clockSubject = `VPN ${unique} drops every ten minutes`;
      const customer = { fromEmail: `omar-${unique}@example.com`, fromName: 'Omar Office' };
      await openTicketList(page);
      await simulateEmail(page, { ...customer, subject: clockSubject, body: 'Since this morning the VPN drops.' });
      await page.getByRole('link', { name: clockSubject }).click({ timeout: 60_000 });
      const number = Number(new URL(page.url()).pathname.split('/').pop());
      const clocks = page.getByRole('list', { name: 'SLA clocks' });
      await page.getByTestId('sla-policy').getByText(state.policyName).waitFor({ timeout: 60_000 });
      await clocks.getByRole('listitem', { name: 'First response' }).waitFor();
      // the first answer meets the first-response target; the customer's next message starts next reply
      await page.getByLabel('Reply', { exact: true }).fill('We are looking into it; which VPN client version?');
      await page.getByRole('button', { name: 'Send reply' }).click();
      await clocks.getByRole('listitem', { name: 'First response' }).getByText('Met').waitFor({ timeout: 60_000 });
      const status = await callApi(page, 'POST', '/api/dev/inbound-email', {
        ...customer,
        subject: `Re: ${clockSubject}`,
        body: 'Version 5.2, on Windows 11.',
        ticketNumber: number,
      });
      assert.equal(status, 202, 'the simulated answer is accepted');
      await clocks
        .getByRole('listitem', { name: 'Next reply' })
        .getByText(/^(Running|Warning|Breached)$/)
        .waitFor({ timeout: 60_000 });
      await screenshot('ticket-sla-clocks');
    },
  },
  {
    id: 'tags',
    name: 'an agent tags a ticket and filters the list by the tag',
    needs: ['/api/tags', '/api/stats/tags'],
    run: async ({ page, context, screenshot }) => {
      const tag = `room-${unique}`;
      await signIn(page, context, 'alice@tempodesk.demo');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto(`/tickets/${state.ticketNumber}`);
      // typed as people type it; saved normalized (lower case, spaces as hyphens)
      const editor = page.getByRole('combobox', { name: 'Tags' });
      await editor.fill(`Room ${unique.toUpperCase()}`);
      await editor.press('Enter');
      await page.getByRole('textbox', { name: /Comment/ }).fill('Tagged with the room');
      await page.getByRole('button', { name: 'Save change' }).click();
      await page.getByText('Updated: tags.').waitFor();
      await page.getByRole('list', { name: 'Tags', exact: true }).getByText(tag).waitFor();
      await page
        .getByTestId('audit-entry')
        .filter({ hasText: `tags: — → ${tag}` })
        .waitFor();
      await openTicketList(page);
      const filter = page.getByRole('combobox', { name: 'Tags' });
      await filter.fill(tag.slice(0, -2));
      // suggested with its count (one ticket)
      await page.getByRole('option', { name: new RegExp(`^${tag}\\s?1$`) }).click();
      await page.keyboard.press('Escape');
      await page.getByTestId(`ticket-row-${state.ticketNumber}`).waitFor();
      await assert.doesNotReject(() => page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1));
      await page
        .getByRole('list', { name: `Tags of #${state.ticketNumber}` })
        .getByText(tag)
        .waitFor();
      await screenshot('ticket-tags');
    },
  },
  {
    id: 'search-body',
    name: 'an agent finds a ticket by a word that appears only in a message body',
    needs: ['/api/dev/inbound-email', '/api/tickets'],
    run: async ({ page, screenshot }) => {
      const orderNumber = String(Date.now()).slice(-8);
      const deliverySubject = `Delivery ${unique} arrived incomplete`;
      await openTicketList(page);
      await simulateEmail(page, {
        fromEmail: `nina-${unique}@example.com`,
        fromName: 'Nina Northwind',
        subject: deliverySubject,
        body: `Hello, my order ${orderNumber} arrived without the power cable. Can you send one?`,
      });
      await page.getByRole('link', { name: deliverySubject }).waitFor({ timeout: 60_000 });
      await page.getByLabel('Search').fill(orderNumber);
      await page.getByRole('link', { name: deliverySubject }).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
      await screenshot('search-body');
      await page.getByLabel('Search').fill('');
    },
  },
  {
    id: 'macro',
    name: 'an agent applies a macro and sends the reply',
    needs: ['/api/macros', '/api/tickets/{number}/macros/{id}/preview'],
    run: async ({ page, context, screenshot }) => {
      const macroName = `Ask for logs ${unique}`;
      await signIn(page, context, 'alice@tempodesk.demo');
      await page.getByRole('link', { name: 'Macros' }).click();
      await page.getByRole('button', { name: 'New macro' }).click();
      const dialog = page.getByRole('dialog', { name: 'New macro' });
      await dialog.getByLabel('Name').fill(macroName);
      await dialog
        .getByLabel('Reply text')
        .fill('Hi {{customer.firstName}}, could you send us the projector logs for #{{ticket.number}}? {{agent.name}}');
      await dialog.getByRole('combobox', { name: 'Set priority' }).click();
      await page.getByRole('option', { name: 'URGENT', exact: true }).click();
      await dialog.getByRole('button', { name: 'Save macro' }).click();
      await page.getByRole('row').filter({ hasText: macroName }).getByText('Priority URGENT').waitFor();
      await screenshot('macros');

      await page.goto(`/tickets/${state.ticketNumber}`);
      await choose(page, 'Macro', `${macroName} (personal)`);
      await page.getByRole('button', { name: 'Apply macro' }).click();
      const reply = `Hi Kim, could you send us the projector logs for #${state.ticketNumber}? Alice Agent`;
      const box = page.getByLabel('Reply', { exact: true });
      await page.waitForFunction((text) => document.querySelector('#reply-body')?.textContent === text, reply);
      assert.equal(await page.getByRole('textbox', { name: /Comment/ }).inputValue(), `Macro: ${macroName}`);
      await page.getByRole('combobox', { name: 'Priority' }).getByText('URGENT').waitFor();
      await screenshot('macro-apply');
      assert.equal(await box.textContent(), reply);

      await page.getByRole('button', { name: 'Send reply' }).click();
      await page.getByRole('list', { name: 'Conversation' }).getByText(reply).waitFor();
      await page.getByRole('button', { name: 'Save change' }).click();
      const entry = page.getByTestId('audit-entry').filter({ hasText: 'priority: HIGH → URGENT' });
      await entry.getByText(`Macro: ${macroName}`).waitFor();
    },
  },
  {
    id: 'saved-views',
    name: 'an agent saves a view and reopens it from the rail',
    needs: ['/api/auth/login', '/api/views'],
    run: async ({ page, context, screenshot }) => {
      const viewName = `Open tickets ${unique}`;
      await signIn(page, context, 'alice@tempodesk.demo');
      await page.waitForURL((url) => url.pathname === '/');
      const rail = page.getByRole('navigation', { name: 'Saved views' });
      await rail.getByText('Waiting on customer > 2 days').waitFor();
      // the filter goes into the URL
      await page.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'OPEN', exact: true }).click();
      await page.keyboard.press('Escape');
      await page.waitForURL(/[?&]status=OPEN/);
      const filtered = new URL(page.url()).search;
      await rows(page).first().waitFor();
      await page.getByRole('button', { name: 'Save view' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save the current filter as a view' });
      await dialog.getByLabel('View name').fill(viewName);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      // elsewhere, then back to an unfiltered list
      await page.getByRole('link', { name: 'Mailboxes' }).click();
      await openTicketList(page);
      await page.waitForURL((url) => url.pathname === '/' && url.search === '');
      await rail.getByRole('button', { name: new RegExp(`^${viewName}`) }).click();
      await page.waitForURL((url) => url.search === filtered);
      await page.waitForFunction(() => {
        const statuses = [...document.querySelectorAll('tbody tr td[data-testid="ticket-status"]')].map(
          (td) => td.textContent,
        );
        return statuses.length > 0 && statuses.every((status) => status === 'OPEN');
      });
      // reload keeps the filter
      await page.reload();
      await page.waitForURL((url) => url.search === filtered);
      await rows(page).first().waitFor();
      await screenshot('saved-views');
    },
  },
  {
    id: 'keyboard-shortcuts',
    name: 'keyboard shortcuts move through the list and open a ticket',
    needs: ['/api/views'],
    run: async ({ page, screenshot }) => {
      await page.goto('/');
      await rows(page).nth(1).waitFor();
      const focused = page.locator('tbody tr[aria-current="true"]');
      await page.keyboard.press('/');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('placeholder')), 'Words or #1042');
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      assert.equal(await focused.getAttribute('data-testid'), await rows(page).nth(1).getAttribute('data-testid'));
      await page.keyboard.press('k');
      const first = await rows(page).nth(0).getAttribute('data-testid');
      assert.equal(await focused.getAttribute('data-testid'), first);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/tickets/${first.replace('ticket-row-', '')}$`));
      await page.getByLabel('Reply', { exact: true }).waitFor();
      await page.keyboard.press('n');
      await page.getByRole('tab', { name: 'Internal note', selected: true }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'reply-body');
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('r');
      await page.getByRole('tab', { name: 'Reply to customer', selected: true }).waitFor();
      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByText('Open the highlighted ticket').waitFor();
      await screenshot('keyboard-shortcuts');
      await page.keyboard.press('Escape');
    },
  },
  {
    id: 'bulk-close',
    name: 'a manager bulk-closes three tickets',
    needs: ['/api/tickets/bulk', '/api/tickets/bulk/{id}'],
    run: async ({ page, context, screenshot }) => {
      await signIn(page, context, 'max@tempodesk.demo');
      await page.getByRole('link', { name: 'Tickets' }).waitFor();
      const word = `bulkwave${unique}`.replace(/[^a-z0-9]/gi, '');
      for (const what of ['Printer', 'Scanner', 'Plotter']) {
        const status = await callApi(page, 'POST', '/api/tickets', {
          subject: `${what} offline ${word}`,
          description: 'Since the network outage.',
          reporterEmail: `bulk-${unique}@example.com`,
        });
        assert.equal(status, 201, 'the ticket is opened');
      }
      await page.getByRole('textbox', { name: 'Search' }).fill(word);
      const boxes = page.getByRole('checkbox', { name: /^Select ticket / });
      await page.waitForFunction(
        (count) => document.querySelectorAll('input[aria-label^="Select ticket "]').length === count,
        3,
        { timeout: 60_000 },
      );
      await boxes.nth(0).click();
      await boxes.nth(2).click({ modifiers: ['Shift'] });
      await page.getByRole('region', { name: 'Bulk selection' }).getByText('3 selected.').waitFor();
      await page.getByRole('button', { name: 'Change selected…' }).click();
      await choose(page, 'Status', 'CLOSED');
      await page.getByRole('textbox', { name: /Comment/ }).fill('Network outage over; all printers back');
      await page.getByRole('button', { name: 'Apply to 3 tickets' }).click();
      await page.getByText('3 of 3 done: 3 changed, 0 refused.').waitFor({ timeout: 60_000 });
      await screenshot('bulk-actions');
      await page.getByRole('button', { name: 'Close', exact: true }).click();
      await page.getByText('No tickets match these filters.').waitFor({ timeout: 30_000 });
    },
  },
  {
    id: 'live-list',
    name: 'the ticket list updates live when a ticket changes elsewhere',
    needs: ['/api/stream'],
    run: async ({ page }) => {
      // A ticket of its own: the steps before may have closed or re-prioritized the others.
      const liveSubject = `Kiosk ${unique} frozen`;
      const created = await callApi(page, 'POST', '/api/tickets', {
        subject: liveSubject,
        description: 'The lobby kiosk shows a frozen screen.',
        reporterEmail: `kiosk-${unique}@example.com`,
        priority: 'HIGH',
      });
      assert.equal(created, 201, 'the ticket is opened');
      await openTicketList(page);
      await page.getByLabel('Search').fill(`Kiosk ${unique}`);
      const row = rows(page).filter({ hasText: liveSubject });
      await row.getByText('HIGH', { exact: true }).waitFor();
      const number = (await row.getAttribute('data-testid')).replace('ticket-row-', '');
      // changed by "someone else": a direct API call, not through this page
      const status = await callApi(page, 'PATCH', `/api/tickets/${number}`, {
        priority: 'LOW',
        comment: 'Changed in another tab',
      });
      assert.equal(status, 200, 'the change is accepted');
      const changedAt = Date.now();
      // the stream brings it within a second or two; the fallback poll would take 60 s (5 s without it)
      await row.getByText('LOW', { exact: true }).waitFor({ timeout: 3000 });
      assert.ok(Date.now() - changedAt < 3000, 'the row changed without a reload');
    },
  },
  {
    id: 'list-filters',
    name: 'filtering the list by mailbox, reporter and a date range',
    needs: ['/api/dev/inbound-email', '/api/mailboxes', '/api/contacts'],
    run: async ({ page, screenshot }) => {
      await openTicketList(page);
      await choose(page, 'Mailbox', 'support@tempodesk.demo');
      await page.keyboard.press('Escape');
      // the customer of the simulated email, looked up as one types
      await page.getByRole('combobox', { name: 'Reporter' }).fill(`lena-${unique}`);
      await page.getByRole('option', { name: new RegExp(`lena-${unique}@example\\.com`) }).click();
      const today = new Date().toISOString().slice(0, 10); // the ticket came in today (UTC)
      await page.getByLabel('Created from').fill(today);
      await page.getByLabel('Created to').fill(today);
      await page.getByRole('link', { name: emailSubject }).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
      await choose(page, 'Sort by', 'Priority');
      await page.waitForURL((url) => url.searchParams.get('sort') === 'PRIORITY');
      const query = new URL(page.url()).searchParams;
      assert.ok(query.get('mailboxId') && query.get('reporterId'), 'mailbox and reporter are in the URL');
      assert.equal(query.get('createdTo'), today);
      await screenshot('ticket-list-filters');
      // the URL is the filter: a reload shows the same controls and the same ticket
      await page.reload();
      await page.getByRole('combobox', { name: 'Mailbox' }).getByText('support@tempodesk.demo').waitFor();
      await page.getByRole('link', { name: emailSubject }).waitFor();
      // a range before the ticket came in finds nothing
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('Created to').fill(yesterday);
      await page.getByLabel('Created from').fill(yesterday);
      await page.getByText('No tickets match these filters.').waitFor();
    },
  },
  {
    id: 'composer',
    name: 'an agent writes a formatted reply with CC and BCC',
    needs: ['/api/tickets/{number}/replies', '/api/contacts'],
    run: async ({ page, screenshot }) => {
      await page.goto(`/tickets/${state.ticketNumber}`);
      // Kim (from the inline-image mail) is a contact now: picked from the suggestions
      await page.getByRole('combobox', { name: 'Cc', exact: true }).fill(`kim-${unique}`);
      await page.getByRole('option', { name: `Kim Caller <kim-${unique}@example.com>` }).click();
      const bcc = page.getByRole('combobox', { name: 'Bcc', exact: true });
      await bcc.fill(`audit-${unique}@example.com`);
      await bcc.press('Enter');
      const box = page.getByLabel('Reply', { exact: true });
      await box.click();
      const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
      await toolbar.getByRole('button', { name: 'Bold' }).click();
      await page.keyboard.type(`Fixed (${unique})`);
      await toolbar.getByRole('button', { name: 'Bold' }).click();
      await page.keyboard.type(' in two steps:');
      await page.keyboard.press('Enter');
      await toolbar.getByRole('button', { name: 'Bulleted list' }).click();
      await page.keyboard.type('Restart the projector');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Update its firmware');
      await page.getByRole('button', { name: 'Show quoted text' }).waitFor();
      await page.mouse.move(0, 0); // no toolbar tooltip over the text
      await screenshot('composer', page.getByRole('form', { name: 'Reply or note' }));
      await page.getByRole('button', { name: 'Send reply' }).click();

      const message = page
        .getByRole('list', { name: 'Conversation' })
        .getByRole('listitem')
        .filter({ has: page.locator('strong', { hasText: `Fixed (${unique})` }) });
      await message.waitFor();
      assert.deepEqual(await message.locator('ul > li').allTextContents(), [
        'Restart the projector',
        'Update its firmware',
      ]);
      await message.getByTestId('message-cc').getByText(`kim-${unique}@example.com`, { exact: false }).waitFor();
      await message.getByTestId('message-bcc').getByText(`audit-${unique}@example.com`, { exact: false }).waitFor();
      await message.locator('blockquote').first().waitFor({ state: 'attached' });
    },
  },
  {
    id: 'presence',
    name: 'two agents on one ticket see each other live, and crossing replies ask for confirmation',
    needs: ['/api/stream', '/api/tickets/{number}/presence'],
    run: async ({ page, context, newContext, screenshot }) => {
      // A = Alice (this browser), B = Max (a browser of his own); the page clock times "within 1 s".
      const now = (p) => p.evaluate(() => Date.now());
      const within = async (what, from, target, locator) => {
        await locator.waitFor({ timeout: 1500 });
        const ms = (await now(target)) - from;
        console.log(`  ${what}: ${ms} ms`);
        assert.ok(ms < 1000, `${what} took ${ms} ms`);
      };
      const scanSubject = `Scanner ${unique} jams on every page`;
      await signIn(page, context, 'alice@tempodesk.demo');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      const opened = await requestApi(page, 'POST', '/api/tickets', {
        subject: scanSubject,
        description: 'Page 2 always jams.',
        reporterEmail: `scan-${unique}@example.com`,
      });
      assert.equal(opened.status, 201, 'the ticket is opened');
      const created = opened.json.number;

      const maxContext = await newContext();
      try {
        const max = await maxContext.newPage();
        await signIn(max, maxContext, 'max@tempodesk.demo');
        await max.waitForURL((url) => !url.pathname.startsWith('/login'));
        const maxStream = max.waitForResponse((response) => new URL(response.url()).pathname === '/api/stream');
        await max.goto(`/tickets/${created}`);
        await max.getByRole('heading', { name: new RegExp(scanSubject) }).waitFor();
        await maxStream;
        const maxSees = max.getByRole('status', { name: 'Who else is here' });

        // A opens the ticket: B sees A's presence.
        const aliceHere = page.waitForResponse(
          (response) =>
            response.request().method() === 'PUT' && response.url().endsWith(`/api/tickets/${created}/presence`),
        );
        await page.goto(`/tickets/${created}`);
        await aliceHere;
        await within('presence reached B', await now(page), max, maxSees.getByText('Alice Agent is viewing'));
        await page.getByRole('status', { name: 'Who else is here' }).getByText('Max Manager is viewing').waitFor();

        // A changes the priority: B's page shows it without a reload.
        await choose(page, 'Priority', 'URGENT');
        await page.getByRole('textbox', { name: /Comment/ }).fill('The whole floor depends on it');
        await page.getByRole('button', { name: 'Save change' }).click();
        await page.getByText('Updated: priority.').waitFor();
        await within(
          'the priority change reached B',
          await now(page),
          max,
          max.getByTestId('audit-entry').filter({ hasText: 'The whole floor depends on it' }),
        );

        // A starts writing; B sees it.
        const aliceWrites = page.waitForResponse(
          (response) =>
            response.url().endsWith(`/api/tickets/${created}/presence`) &&
            response.request().postData()?.includes('"typing":true'),
        );
        await page.getByLabel('Reply', { exact: true }).fill(`Alice: try the other tray (${unique}).`);
        await aliceWrites;
        await within('"writing" reached B', await now(page), max, maxSees.getByText('Alice Agent is writing a reply…'));

        // B answers first (A sees B writing on the way).
        await max.getByLabel('Reply', { exact: true }).fill(`Max: a technician comes at 3 pm (${unique}).`);
        await page
          .getByRole('status', { name: 'Who else is here' })
          .getByText('Max Manager is writing a reply…')
          .waitFor();
        await screenshot('presence');
        await max.getByRole('button', { name: 'Send reply' }).click();
        await max
          .getByRole('list', { name: 'Conversation' })
          .getByText(`Max: a technician comes at 3 pm (${unique}).`)
          .waitFor();

        // A sends: asked first, with B's reply shown; A sends anyway.
        await page.getByRole('button', { name: 'Send reply' }).click();
        const dialog = page.getByRole('dialog', { name: 'Someone else replied' });
        await dialog.getByText(`Max: a technician comes at 3 pm (${unique}).`).waitFor();
        await dialog.getByText(/^Max Manager/).waitFor();
        await screenshot('reply-collision');
        await dialog.getByRole('button', { name: 'Send anyway' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page
          .getByRole('list', { name: 'Conversation' })
          .getByText(`Alice: try the other tray (${unique}).`)
          .waitFor();
        await max
          .getByRole('list', { name: 'Conversation' })
          .getByText(`Alice: try the other tray (${unique}).`)
          .waitFor();
      } finally {
        await maxContext.close();
      }
    },
  },
  {
    id: 'phone',
    name: 'on a 390 px phone the list, the ticket page and the portal fit, and the header menu navigates',
    needs: ['/api/auth/login', '/api/portal/tickets'],
    run: async ({ page, context, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        await page.goto('/');
        await page.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor();
        await rows(page).first().waitFor();
        await assertNoHorizontalOverflow(page, 'the ticket list');
        await screenshot('list-390');
        // the pages are behind one menu button: it opens (aria-expanded) and navigates
        assert.equal(await page.getByRole('link', { name: 'Mailboxes' }).count(), 0, 'no page links in the bar');
        // (while the menu is open MUI hides the rest of the page from assistive technology)
        const menuButton = page.getByRole('button', { name: 'Menu', includeHidden: true });
        assert.equal(await menuButton.getAttribute('aria-expanded'), 'false');
        await menuButton.focus();
        await page.keyboard.press('Enter');
        const menu = page.getByRole('menu', { name: 'Main' });
        await menu.waitFor();
        assert.equal(await menuButton.getAttribute('aria-expanded'), 'true');
        await menu.getByRole('menuitem', { name: 'New ticket' }).click();
        await page.waitForURL('**/tickets/new');
        await menu.waitFor({ state: 'hidden' });
        await page.getByRole('heading', { level: 1, name: /New ticket/ }).waitFor();
        await assertNoHorizontalOverflow(page, 'the new-ticket form');
        // the ticket page: the side panel (SLA, changes, history) under the thread and the reply box
        await page.goto(`/tickets/${state.ticketNumber}`);
        await page.getByRole('heading', { level: 1, name: new RegExp(`#${state.ticketNumber} `) }).waitFor();
        await assertNoHorizontalOverflow(page, 'the ticket page');
        const reply = await page.getByLabel('Reply', { exact: true }).boundingBox();
        const sla = await page.getByRole('heading', { name: 'SLA', exact: true }).boundingBox();
        assert.ok(sla.y > reply.y + reply.height, `the SLA panel (y ${sla.y}) is under the reply box (y ${reply.y})`);
        assert.ok(sla.x < 40, `the SLA panel starts at the left edge, not beside the thread (x ${sla.x})`);
        await screenshot('ticket-390');
        // the portal: the list and a ticket
        await signIn(page, context, 'carla@acme.example');
        await page.waitForURL('**/portal');
        const mine = page.getByRole('list', { name: 'My tickets' });
        await mine.getByText('Invoice shows the wrong VAT number').waitFor();
        await assertNoHorizontalOverflow(page, 'the portal list');
        await mine.getByText('Invoice shows the wrong VAT number').click();
        await page.waitForURL(/\/portal\/tickets\/\d+$/);
        await page.getByLabel('Your reply').waitFor();
        await assertNoHorizontalOverflow(page, 'a portal ticket');
        await screenshot('portal-ticket-390');
      } finally {
        await page.setViewportSize({ width: 1280, height: 800 });
      }
    },
  },
  {
    id: 'organization',
    name: 'a manager edits an organization and adds an asset',
    needs: ['/api/organizations/{id}/assets/{assetId}', '/api/organizations/{id}/tickets'],
    run: async ({ page, context, screenshot }) => {
      await signIn(page, context, 'max@tempodesk.demo');
      await page.getByRole('link', { name: 'Organizations' }).click();
      await page.getByRole('searchbox', { name: 'Search organizations' }).fill('acme');
      await page.getByRole('link', { name: 'Acme Networks' }).click();
      await page.getByRole('heading', { name: 'Acme Networks' }).waitFor();
      // The domain only describes the organization (nothing routes by it), so later steps are unaffected.
      await page.getByRole('button', { name: 'Edit organization' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit Acme Networks' });
      await edit.getByRole('textbox', { name: 'Domain' }).fill(`acme-${unique}.example`);
      await edit.getByRole('button', { name: 'Save organization' }).click();
      await page.getByText(`acme-${unique}.example`).waitFor();

      const asset = `Branch switch ${unique}`;
      await page.getByRole('button', { name: 'Add asset' }).click();
      const add = page.getByRole('dialog', { name: 'Add an asset' });
      await add.getByRole('textbox', { name: 'Type' }).fill('NETWORK');
      await add.getByRole('textbox', { name: 'Asset name' }).fill(asset);
      await add.getByRole('textbox', { name: 'Details' }).fill('Rack 2, uplink on port 24');
      await add.getByRole('button', { name: 'Add asset' }).click();
      const row = page.getByRole('table', { name: 'Assets' }).getByRole('row').filter({ hasText: asset });
      await row.getByText('Rack 2, uplink on port 24').waitFor();
      await page.getByRole('table', { name: 'Contacts of the organization' }).getByText('carla@acme.example').waitFor();
      await page.getByRole('list', { name: 'Tickets of the organization' }).getByRole('link').first().waitFor();
      await tallScreenshot(page, screenshot, 'organization');
    },
  },
  {
    id: 'signatures',
    name: 'an agent sets a signature and it is appended to a reply',
    needs: ['/api/me/signature'],
    run: async ({ page, context, screenshot }) => {
      await signIn(page, context, 'ada@tempodesk.demo');
      await openSettingsPage(page, 'Signatures');
      const mine = page.getByRole('form', { name: 'My signature' });
      await mine
        .getByRole('textbox', { name: 'My signature' })
        .fill(`Warm regards,\n<b>{{agent.name}}</b>\nTicket #{{ticket.number}} (${unique})`);
      await page.getByRole('region', { name: 'My signature preview' }).getByText('{{agent.name}}').waitFor();
      await mine.getByRole('button', { name: 'Save' }).click();
      await mine.getByText('Saved.').waitFor();
      await screenshot('signatures');

      const signedSubject = `Scanner ${unique} offline`;
      const created = await callApi(page, 'POST', '/api/tickets', {
        subject: signedSubject,
        description: 'The scanner on floor 2 is offline.',
        reporterEmail: `scanner-${unique}@example.com`,
      });
      assert.equal(created, 201, 'the ticket is opened');
      await openTicketList(page);
      await page.getByLabel('Search').fill(`Scanner ${unique}`);
      const row = rows(page).filter({ hasText: signedSubject });
      const number = (await row.getAttribute('data-testid')).replace('ticket-row-', '');
      await row.getByRole('link', { name: signedSubject }).click();
      const signature = `Ticket #${number} (${unique})`;
      await page.getByRole('note', { name: 'Signature preview' }).getByText(signature).waitFor();
      await page.getByLabel('Reply', { exact: true }).fill(`The scanner is back (${unique}).`);
      await page.getByRole('button', { name: 'Send reply' }).click();
      const conversation = page.getByRole('list', { name: 'Conversation' });
      await conversation.getByText(`The scanner is back (${unique}).`).waitFor();
      await conversation.getByText(signature).waitFor();
    },
  },
  {
    id: 'groups',
    name: 'an admin creates a group with members',
    needs: ['/api/groups'],
    run: async ({ page, context, screenshot }) => {
      await signIn(page, context, 'ada@tempodesk.demo');
      await openSettingsPage(page, 'Groups');
      await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
      state.groupName = `Second line ${unique}`;
      await page.getByRole('button', { name: 'New group' }).click();
      const dialog = page.getByRole('dialog', { name: 'New group' });
      await dialog.getByLabel('Name').fill(state.groupName);
      await dialog.getByLabel('Description').fill('Escalations from the first line');
      const members = dialog.getByRole('combobox', { name: 'Members' });
      for (const member of ['Alice Agent', 'Max Manager']) {
        await members.click();
        await page.getByRole('option', { name: member, exact: true }).click();
      }
      await dialog.getByRole('checkbox', { name: 'Max Manager manages the group' }).check();
      await screenshot('groups');
      await dialog.getByRole('button', { name: 'Save group' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('table', { name: 'Groups' }).getByRole('row').filter({ hasText: state.groupName });
      await row.getByText('Max Manager (manager)').waitFor();
      await row.getByText('Alice Agent').waitFor();
      const groups = (await requestApi(page, 'GET', '/api/groups')).json;
      state.groupId = groups.find((group) => group.name === state.groupName).id;
      assert.ok(state.groupId, 'the new group has an id');
    },
  },
  {
    id: 'routing',
    name: 'a routing rule sends a customer email to its group, auto-assigned to a member',
    needs: ['/api/routing-rules', '/api/groups', '/api/dev/inbound-email'],
    run: async ({ page, context, screenshot }) => {
      await signIn(page, context, 'ada@tempodesk.demo');
      await page.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor();
      let { groupId, groupName } = state;
      if (!groupId) {
        // run on its own (E2E_STEPS=routing): a group of the demo agents with capacity
        const agents = (await requestApi(page, 'GET', '/api/agents')).json;
        const member = (email) => ({ agentId: agents.find((agent) => agent.email === email).id });
        groupName = `Routed ${unique}`;
        const created = await requestApi(page, 'POST', '/api/groups', {
          name: groupName,
          members: [member('alice@tempodesk.demo'), member('max@tempodesk.demo')],
        });
        assert.equal(created.status, 201, JSON.stringify(created.json));
        groupId = created.json.id;
      }
      // The demo keeps Alice and Max at their capacity with a queue waiting: give Alice room, so
      // the routed ticket is assigned at once (to a member of its group, whichever has room).
      const everyone = (await requestApi(page, 'GET', '/api/agents')).json;
      const alice = everyone.find((agent) => agent.email === 'alice@tempodesk.demo');
      const roomy = await requestApi(page, 'PATCH', `/api/agents/${alice.id}`, {
        capacity: (alice.capacity ?? 3) + 20,
        available: true,
      });
      assert.equal(roomy.status, 200, JSON.stringify(roomy.json));
      const address = `routed-${unique}@tempodesk.demo`;
      const ruleName = `Routed mail ${unique}`;
      await openSettingsPage(page, 'Routing');
      await page.getByRole('heading', { level: 1, name: 'Routing rules' }).waitFor();
      await page.getByRole('button', { name: 'New rule' }).click();
      const dialog = page.getByRole('dialog', { name: 'New routing rule' });
      await dialog.getByLabel('Name').fill(ruleName);
      await dialog.getByLabel('was mailed to (To or Cc)').fill(address);
      await choose(page, 'send it to group', groupName);
      await dialog.getByLabel('add tags (comma-separated)').fill('routed');
      await dialog.getByRole('button', { name: 'Create rule' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('table', { name: 'Routing rules' }).getByRole('row').filter({ hasText: ruleName });
      await row.getByText(`to ${address}`).waitFor();
      await screenshot('routing-rules');

      const routedSubject = `Invoice ${unique} charged twice`;
      await openTicketList(page);
      await simulateEmail(
        page,
        {
          fromEmail: `ivy-${unique}@example.com`,
          fromName: 'Ivy Invoice',
          subject: routedSubject,
          body: 'Please refund.',
        },
        () => page.getByRole('dialog', { name: 'Simulate a customer email' }).getByLabel('To (email)').fill(address),
      );
      // the group's list: the ticket is there, assigned to one of the group's members
      await page.goto(`/?groupId=${groupId}&text=${encodeURIComponent(unique)}`);
      const ticket = rows(page).filter({ hasText: routedSubject });
      await ticket.waitFor({ timeout: 60_000 });
      await ticket.filter({ hasText: /Alice Agent|Max Manager/ }).waitFor({ timeout: 60_000 });
      await ticket.getByRole('link', { name: routedSubject }).click();
      await page
        .getByTestId('audit-entry')
        .filter({ hasText: `Rule "${ruleName}" matched recipient ${address}` })
        .filter({ hasText: `group:` })
        .waitFor();
    },
  },
  {
    id: 'ticket-activity',
    name: "a manager reads a ticket's lifecycle in the Activity tab",
    needs: ['/api/tickets/{number}/lifecycle', '/api/dev/inbound-email'],
    run: async ({ page, context, screenshot }) => {
      await signIn(page, context, 'max@tempodesk.demo');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      const subject = `Core switch ${unique} down`;
      const customer = { fromEmail: `nina-${unique}@example.com`, fromName: 'Nina Network' };
      // opened by mail, so that the customer's answer later has a thread to answer
      const mailed = await callApi(page, 'POST', '/api/dev/inbound-email', {
        ...customer,
        subject,
        body: 'The core switch in building B is down.',
      });
      assert.equal(mailed, 202, 'the mail is accepted');
      let number;
      for (let attempt = 0; attempt < 60 && !number; attempt++) {
        const found = await requestApi(page, 'GET', `/api/tickets?text=${encodeURIComponent(subject)}`);
        number = found.json?.items?.find((ticket) => ticket.subject === subject)?.number;
        if (!number) await page.waitForTimeout(500);
      }
      assert.ok(number, 'the mail became a ticket');
      // escalated to URGENT, then suspended until the customer answers
      const escalated = await callApi(page, 'PATCH', `/api/tickets/${number}`, {
        priority: 'URGENT',
        comment: 'A whole building is offline',
      });
      assert.equal(escalated, 200, 'escalated');
      const suspended = await callApi(page, 'PATCH', `/api/tickets/${number}`, {
        status: 'PENDING',
        pendingReason: 'CUSTOMER',
        pendingFor: 'P1D',
        comment: 'Waiting for the switch logs',
      });
      assert.equal(suspended, 200, 'suspended');
      // the customer's answer resumes it
      const answered = await callApi(page, 'POST', '/api/dev/inbound-email', {
        ...customer,
        subject: `Re: ${subject}`,
        body: 'Here are the logs.',
        ticketNumber: number,
      });
      assert.equal(answered, 202, 'the answer is accepted');
      await page.goto(`/tickets/${number}`);
      await page.getByRole('heading', { name: `#${number} ${subject}` }).waitFor();
      await page.getByRole('tab', { name: 'Activity' }).click();
      const timeline = page.getByRole('list', { name: 'Workflow activity' });
      for (let attempt = 0; attempt < 30; attempt++) {
        if ((await timeline.getByText(/resumed by the customer's message/).count()) > 0) break;
        // the history is read when the tab opens: close and open it again to read it anew
        await page.getByRole('tab', { name: 'Activity' }).click();
        await page.waitForTimeout(1000);
        await page.getByRole('tab', { name: 'Activity' }).click();
        await timeline.waitFor();
      }
      await timeline
        .getByText(/resumed by the customer's message/)
        .first()
        .waitFor();
      await timeline
        .getByText(/^Message from .* \(customer\) received$/)
        .first()
        .waitFor();
      await timeline.getByText(/^Change by Max.*: status .* → PENDING/).waitFor();
      await timeline.getByText(/^Change by Max.*: priority .* → URGENT/).waitFor();
      await timeline
        .getByText(/^Timer set for .*: end of the pending time/)
        .first()
        .waitFor();
      await timeline.getByText('Send notifications: escalated to urgent').waitFor();
      const link = page.getByRole('link', { name: 'Open in Temporal UI' });
      assert.match(await link.getAttribute('href'), new RegExp(`/workflows/ticket-${number}/[0-9a-f-]+/history$`));
      await screenshot('ticket-activity', page.getByRole('tabpanel'));
    },
  },
  {
    id: 'webhooks',
    name: 'an admin subscribes a webhook and sees its deliveries',
    needs: ['/api/webhook-subscriptions'],
    run: async ({ page, context, screenshot }) => {
      // The receiver: a tiny HTTP server on loopback in this process, answering 200 to every post.
      const received = [];
      const receiver = createHttpServer((request, response) => {
        let body = '';
        request.on('data', (chunk) => (body += chunk));
        request.on('end', () => {
          received.push({ headers: request.headers, body });
          response.writeHead(200, { 'Content-Type': 'text/plain' });
          response.end('received');
        });
      });
      await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${receiver.address().port}/tempodesk`;
      const name = `Receiver ${unique}`;
      try {
        await signIn(page, context, 'ada@tempodesk.demo');
        await page.getByRole('heading', { level: 1, name: 'Tickets' }).waitFor();
        await openSettingsPage(page, 'Webhooks');
        await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
        await page.getByRole('button', { name: 'New subscription' }).click();
        const dialog = page.getByRole('dialog', { name: 'New webhook subscription' });
        await dialog.getByLabel('Name').fill(name);
        await dialog.getByRole('textbox', { name: 'URL' }).fill(url);
        await dialog.getByLabel(/\(ticket\.closed\)/).check();
        await dialog.getByRole('button', { name: 'Subscribe' }).click();
        // A loopback address is refused (SSRF) until the admin allows private networks.
        await dialog.getByText(/url is refused/).waitFor();
        await dialog.getByLabel('Allow private network addresses').check();
        await dialog.getByRole('button', { name: 'Subscribe' }).click();
        const secret = page.getByRole('status', { name: 'Signing secret' });
        await secret.waitFor();
        assert.match(await secret.getByLabel('Secret').inputValue(), /^whsec_/);
        await secret.getByRole('button', { name: 'Done' }).click();

        // A real ticket change: a ticket opened through the API is posted to the receiver.
        const ticket = await requestApi(page, 'POST', '/api/tickets', {
          subject: `Webhook ${unique}`,
          description: 'Posted to a receiver',
          reporterEmail: `hooks-${unique}@example.com`,
        });
        assert.equal(ticket.status, 201, JSON.stringify(ticket.json));
        const row = page.getByRole('row', { name: new RegExp(name) });
        await row.getByRole('button', { name: 'Deliveries' }).click();
        const region = page.getByRole('region', { name: `Deliveries of ${name}` });
        for (let attempt = 0; attempt < 30; attempt++) {
          if ((await region.getByText('DELIVERED').count()) > 0) break;
          await page.waitForTimeout(1000);
          await region.getByRole('button', { name: 'Refresh' }).click();
        }
        const delivery = region.getByRole('row', { name: new RegExp(`ticket\\.created #${ticket.json.number}`) });
        await delivery.getByText('DELIVERED').waitFor();
        await delivery.getByRole('button', { name: /^Attempts of delivery/ }).click();
        await region
          .getByRole('table', { name: /^Attempts of delivery/ })
          .getByText('received')
          .waitFor();
        const post = received.find((p) => JSON.parse(p.body).data?.ticket?.number === ticket.json.number);
        assert.ok(post, 'the receiver got the ticket');
        assert.match(post.headers['x-tempodesk-signature'], /^v1=[0-9a-f]{64}$/);
        assert.equal(post.headers['x-tempodesk-event'], 'ticket.created');
        await screenshot('webhooks');
        // Later steps open tickets too: nothing more goes to a receiver that is about to stop.
        const id = (await requestApi(page, 'GET', '/api/webhook-subscriptions')).json.find((s) => s.name === name).id;
        assert.equal(await callApi(page, 'PATCH', `/api/webhook-subscriptions/${id}`, { enabled: false }), 200);
      } finally {
        receiver.close();
      }
    },
  },
  {
    id: 'similar',
    name: 'similar tickets suggest a past reply with no provider configured',
    needs: ['/api/tickets/{number}/similar'],
    run: async ({ page, context, screenshot }) => {
      await signIn(page, context, 'ada@tempodesk.demo');
      await page.getByRole('link', { name: 'New ticket' }).waitFor();
      // Assist off (when this backend has it): the suggestions below need no language model.
      if ((await requestApi(page, 'GET', '/api/assist')).status === 200) {
        const off = await requestApi(page, 'PUT', '/api/assist/settings', { enabled: false, autoApplyTriage: false });
        assert.equal(off.status, 200, JSON.stringify(off.json));
      }
      const open = async (subjectLine, description) => {
        await page.getByRole('link', { name: 'New ticket' }).click();
        await page.getByLabel('Customer email').fill(`lena-${unique}@example.com`);
        await page.getByLabel('Customer name').fill('Lena Shipping');
        await page.getByLabel('Subject').fill(subjectLine);
        await page.getByLabel('Description').fill(description);
        await page.getByRole('button', { name: 'Create ticket' }).click();
        await page.waitForURL(/\/tickets\/\d+$/);
        const number = Number(new URL(page.url()).pathname.split('/').pop());
        await page.getByRole('heading', { name: `#${number} ${subjectLine}` }).waitFor();
        return number;
      };
      const solvedSubject = `Label printer ${unique} prints smudged barcodes`;
      const solved = await open(solvedSubject, 'The label printer smudges the barcode on every parcel label.');
      const fix = `Please clean the print head with the cleaning card from the box (${unique}), then recalibrate.`;
      await page.getByLabel('Reply', { exact: true }).fill(fix);
      await page.getByRole('button', { name: 'Send reply' }).click();
      await page.getByRole('list', { name: 'Conversation' }).getByText(fix).waitFor();
      const closed = await requestApi(page, 'PATCH', `/api/tickets/${solved}`, {
        status: 'CLOSED',
        resolution: 'SOLVED',
        comment: 'Print head cleaned',
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.json));

      const fresh = await open(
        `Smudged barcodes from our label printer ${unique}`,
        'Our label printer smudges every barcode again, the scanners cannot read them.',
      );
      const panel = page.getByRole('region', { name: 'Similar solved tickets' });
      const suggestion = panel.getByRole('listitem', { name: `Similar ticket #${solved}` });
      await suggestion.getByRole('link', { name: `#${solved} ${solvedSubject}` }).waitFor();
      await suggestion.getByText(fix, { exact: false }).waitFor();
      await suggestion.getByRole('button', { name: `Use this reply (#${solved})` }).click();
      await page.waitForFunction((text) => document.querySelector('#reply-body')?.textContent?.includes(text), fix);
      await panel.getByRole('status').getByText(`Filled in the reply of #${solved}`).waitFor();
      await tallScreenshot(page, screenshot, 'similar-tickets');
      // Filled for review only: nothing was sent on the new ticket.
      const messages = await requestApi(page, 'GET', `/api/tickets/${fresh}/messages`);
      assert.equal(messages.status, 200);
      assert.ok(!JSON.stringify(messages.json).includes(fix), 'the suggested reply was not sent');
    },
  },
  {
    id: 'assist',
    name: 'an agent reads the summary and takes a suggested reply and triage from the model',
    needs: ['/api/tickets/{number}/assist/summary', '/api/tickets/{number}/assist/draft', '/api/dev/inbound-email'],
    run: async ({ page, context, screenshot }) => {
      // an admin switches assist on (another journey may have switched it off)
      await signIn(page, context, 'ada@tempodesk.demo');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      const on = await requestApi(page, 'PUT', '/api/assist/settings', { enabled: true, autoApplyTriage: false });
      assert.equal(on.status, 200, 'assist switched on');
      await signIn(page, context, 'max@tempodesk.demo');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      const status = await requestApi(page, 'GET', '/api/assist');
      assert.equal(status.json?.on, true, 'the e2e app talks to the fake model');
      const subject = `Projector ${unique} shows no picture`;
      const customer = { fromEmail: `pia-${unique}@example.com`, fromName: 'Pia Projector' };
      const mailed = await callApi(page, 'POST', '/api/dev/inbound-email', {
        ...customer,
        subject,
        body: 'The projector in room 4 shows no picture since Monday. We tried another cable.',
      });
      assert.equal(mailed, 202, 'the mail is accepted');
      let number;
      for (let attempt = 0; attempt < 60 && !number; attempt++) {
        const found = await requestApi(page, 'GET', `/api/tickets?text=${encodeURIComponent(subject)}`);
        number = found.json?.items?.find((ticket) => ticket.subject === subject)?.number;
        if (!number) await page.waitForTimeout(500);
      }
      assert.ok(number, 'the mail became a ticket');
      const answered = await callApi(page, 'POST', '/api/dev/inbound-email', {
        ...customer,
        subject: `Re: ${subject}`,
        body: 'The invoice for the lamp is attached too. Please hurry, we present on Friday.',
        ticketNumber: number,
      });
      assert.equal(answered, 202, 'the second mail is accepted');
      for (let attempt = 0; attempt < 60; attempt++) {
        const thread = await requestApi(page, 'GET', `/api/tickets/${number}/messages`);
        if (thread.json?.length >= 2) break;
        await page.waitForTimeout(500);
      }

      // triaged on arrival by the fake model
      for (let attempt = 0; attempt < 60; attempt++) {
        const triage = await requestApi(page, 'GET', `/api/tickets/${number}/assist/triage`);
        if (triage.json?.latest) break;
        await page.waitForTimeout(500);
      }

      await page.goto(`/tickets/${number}`);
      await page.getByRole('heading', { name: `#${number} ${subject}` }).waitFor();
      // the summary at the top, on demand
      const summary = page.getByRole('region', { name: 'Summary' });
      await summary.getByRole('button', { name: 'Summarise' }).click();
      await summary.getByText('Pia Projector: The projector in room 4 shows no picture since Monday.').waitFor();
      await summary.getByText(/Suggested by assist \(tempodesk-fake\)/).waitFor();
      await screenshot('assist-summary', summary);

      // triage on arrival: one click fills the update panel, saved by the agent
      const assist = page.getByLabel('Assist', { exact: true });
      await assist.getByRole('button', { name: /^Triage: / }).click();
      const comment = page.getByRole('textbox', { name: /Comment/ });
      await page.waitForFunction(() =>
        [...document.querySelectorAll('textarea')].some((area) => area.value.startsWith('Suggested by assist')),
      );
      assert.match(await comment.inputValue(), /^Suggested by assist \(tempodesk-fake\)/);
      await page.getByRole('button', { name: 'Save change' }).click();
      await page.getByTestId('audit-entry').filter({ hasText: 'Suggested by assist' }).first().waitFor();

      // the suggested reply fills the reply box and is not sent
      await assist.getByRole('button', { name: 'Suggest a reply' }).click();
      await page.waitForFunction(() =>
        document.querySelector('#reply-body')?.textContent?.startsWith('Hello Pia Projector'),
      );
      const draft = await page.locator('#reply-body').textContent();
      assert.ok(draft.includes(subject), 'the draft names the subject');
      await assist.getByRole('status').waitFor();
      await screenshot('assist-draft', page.locator('#reply-body'));
      // only the acknowledgement went out: the draft stays in the reply box until the agent sends it
      const thread = await requestApi(page, 'GET', `/api/tickets/${number}/messages`);
      assert.ok(
        !thread.json.some((message) => JSON.stringify(message).includes('We are looking into it')),
        'nothing was sent by the draft',
      );
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
  {
    id: 'portal-attachment',
    name: "the customer sends a file and downloads it, and gets 404 for another customer's file",
    needs: ['/api/portal/tickets/{number}/replies', '/api/attachments/{id}'],
    run: async ({ page, screenshot }) => {
      await page.getByRole('list', { name: 'My tickets' }).getByText(`Meeting room ${unique}`).click();
      await page.getByLabel('Your reply').fill(`A photo of the display (${unique}).`);
      const zone = page.getByTestId('file-drop-zone');
      await zone.getByLabel('Attach files').setInputFiles({
        name: 'display-photo.png',
        mimeType: 'image/png',
        buffer: photo,
      });
      await page.getByRole('button', { name: 'Send reply' }).click();
      const conversation = page.getByRole('list', { name: 'Conversation' });
      const preview = conversation.getByRole('img', { name: 'display-photo.png' });
      await preview.waitFor();
      const link = preview.locator('xpath=ancestor::a[1]');
      assert.equal(await download(page, link), sha256(photo), 'the customer downloads what they sent');
      assert.ok(state.replyAttachmentId, "the agent's reply had a file");
      assert.equal(
        await callApi(page, 'GET', `/api/attachments/${state.replyAttachmentId}`),
        404,
        "another customer's file is not found, as if it did not exist",
      );
      await tallScreenshot(page, screenshot, 'portal-attachment');
    },
  },
];
