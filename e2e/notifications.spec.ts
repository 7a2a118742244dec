// Browser journeys for notifications and web push (issue 5, parts 7 and 8), with two phones at once.
// Carlos (Spanish) asks his house for help; Brianna (English) sees the bell's count rise without
// reloading, reads it in warm words and marks everything read. She offers help; Carlos sees that live in
// Spanish and opens it. Each sets what reaches them by push and quiet hours. The service worker is
// registered, and a push delivered to it (through Chromium's DevTools) becomes a notification on the
// phone. axe-core on every page.
import type { Page } from '@playwright/test';
import { expect, type House, type JourneyContext, test } from './fixtures.ts';
import { checkPage, noProblems, open, signIn } from './steps.ts';

type C = JourneyContext & { house: House };
type Journey = { name: string; run: (c: C) => Promise<void> };

const LIVE = { timeout: 30_000 };

async function waitForText(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor(LIVE);
}

/** The bell's accessible name: "Notifications" or "Notifications, N unread". */
async function bellName(page: Page, name: string | RegExp) {
  await page.getByRole('link', { name }).first().waitFor(LIVE);
}

const notificationsJourneys: Journey[] = [
  {
    name: 'notifications: Carlos asks his house for help; Brianna sees the bell count rise live and reads it; he sees her offer live',
    run: async (c: C) => {
      const leader = await open(c, 'en');
      await signIn(leader.page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await leader.page
        .getByRole('link', { name: /^Notifications/ })
        .first()
        .click();
      await leader.page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      // Start from nothing unread, whatever earlier journeys left.
      const markAll = leader.page.getByRole('button', { name: 'Mark all as read' });
      if (await markAll.isVisible()) await markAll.click();
      await bellName(leader.page, /^Notifications$/);
      await checkPage(leader.page, 'notifications, all read (en)');

      const asker = await open(c, 'es');
      await signIn(asker.page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      await asker.page
        .getByRole('link', { name: /^Avisos/ })
        .first()
        .click();
      await asker.page.getByRole('heading', { level: 1, name: 'Avisos' }).waitFor();
      const clear = asker.page.getByRole('button', { name: 'Marcar todo como leído' });
      if (await clear.isVisible()) await clear.click();
      await bellName(asker.page, /^Avisos$/);
      await checkPage(asker.page, 'notifications, all read (es)');

      // Carlos asks his house (through the API: the support screens have their own journeys).
      const asked = await asker.page.request.post(`${c.server.url}/api/support/requests`, {
        data: {
          supportKind: 'instrumental',
          body: 'A ride to my job interview on Thursday',
          audience: 'house',
          idempotencyKey: 'notifications-e2e-ride',
        },
      });
      expect(asked.status(), `Asking for help answered ${asked.status()}`).toBe(201);
      const requestId = (await asked.json()).id as string;

      // Brianna did not reload: the bell counts it and the list shows it in plain words.
      await bellName(leader.page, 'Notifications, 1 unread');
      await waitForText(leader.page, 'Carlos M. is asking for help.');
      await waitForText(leader.page, '1 unread');
      await checkPage(leader.page, 'notifications, one new (en)');
      await leader.page.getByRole('button', { name: 'Mark all as read' }).click();
      await waitForText(leader.page, 'All caught up.');
      await bellName(leader.page, /^Notifications$/);

      // She offers to help; Carlos sees it arrive on his open list, in Spanish.
      const offered = await leader.page.request.post(
        `${c.server.url}/api/support/requests/${requestId}/responses`,
        { data: { note: 'I can drive you' } },
      );
      expect(offered.status(), `Offering help answered ${offered.status()}`).toBe(201);
      await bellName(asker.page, 'Avisos, 1 sin leer');
      await waitForText(asker.page, 'Brianna D. puede ayudarte con tu pedido.');
      await checkPage(asker.page, 'notifications, an offer of help (es)');
      // The newest comes first; earlier journeys may have left older offers from her in the list.
      await asker.page
        .getByRole('link', { name: 'Brianna D. puede ayudarte con tu pedido.' })
        .first()
        .click();
      await asker.page.waitForURL(/\/support\/mine$/, LIVE);
      await bellName(asker.page, /^Avisos$/);
      noProblems(leader.problems);
      noProblems(asker.problems);
    },
  },
  {
    name: 'notifications: settings for push and quiet hours in both languages, and the service worker shows a push',
    run: async (c: C) => {
      const en = await open(c, 'en');
      await signIn(en.page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await en.page
        .getByRole('link', { name: /^Notifications/ })
        .first()
        .waitFor();
      await en.page.goto(`${c.server.url}/settings/notifications`);
      await en.page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
      await waitForText(en.page, 'This device does not receive notifications yet.');
      await en.page.getByRole('button', { name: 'Turn on notifications here' }).waitFor();
      await waitForText(en.page, 'No device receives notifications.');
      await en.page.getByRole('checkbox', { name: 'Messages in your private threads' }).uncheck();
      await en.page.getByRole('checkbox', { name: 'Keep quiet at night' }).check();
      await en.page.getByLabel('From', { exact: true }).fill('22:30');
      await en.page.getByLabel('Until', { exact: true }).fill('06:30');
      await checkPage(en.page, 'notification settings (en)');
      await en.page.getByRole('button', { name: 'Save settings' }).click();
      await waitForText(en.page, 'Saved.');
      await en.page.reload();
      await en.page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
      await en.page.getByLabel('From', { exact: true }).waitFor();
      expect(
        await en.page.getByRole('checkbox', { name: 'Messages in your private threads' }).isChecked(),
        'Private messages should stay off after saving',
      ).toBe(false);
      expect(await en.page.getByLabel('From', { exact: true }).inputValue(), 'Quiet from 22:30').toBe(
        '22:30',
      );
      expect(await en.page.getByLabel('Until', { exact: true }).inputValue(), 'Quiet until 06:30').toBe(
        '06:30',
      );

      // The service worker is registered and shows a push it receives, opening Hearth on tap.
      const sw = await en.page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return registration.active?.scriptURL ?? '';
      });
      expect(sw.endsWith('/sw.js'), `The service worker is ${sw}`).toBe(true);
      const origin = new URL(c.server.url).origin;
      await en.page.context().grantPermissions(['notifications'], { origin });
      const cdp = await en.page.context().newCDPSession(en.page);
      const registrationId = await new Promise<string>((resolve) => {
        cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => {
          const found = event.registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
          if (found) resolve(found.registrationId);
        });
        void cdp.send('ServiceWorker.enable');
      });
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin,
        registrationId,
        data: JSON.stringify({
          title: 'Someone can help',
          body: 'A peer offered to help with your request.',
          url: '/support/mine',
          tag: 'e2e-push',
          urgent: false,
        }),
      });
      let shown: { title: string; body: string; url: string }[] = [];
      for (let i = 0; i < 50 && shown.length === 0; i += 1) {
        await en.page.waitForTimeout(100);
        shown = await en.page.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready;
          return (await registration.getNotifications()).map((n) => ({
            title: n.title,
            body: n.body,
            url: (n.data as { url: string }).url,
          }));
        });
      }
      expect(shown, 'The service worker shows the push').toEqual([
        {
          title: 'Someone can help',
          body: 'A peer offered to help with your request.',
          url: '/support/mine',
        },
      ]);
      await cdp.detach();

      const es = await open(c, 'es');
      await signIn(es.page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      await es.page
        .getByRole('link', { name: /^Avisos/ })
        .first()
        .waitFor();
      await es.page.goto(`${c.server.url}/settings/notifications`);
      await es.page.getByRole('heading', { level: 1, name: 'Ajustes de avisos' }).waitFor();
      await waitForText(es.page, 'Este dispositivo todavía no recibe avisos.');
      await waitForText(es.page, 'Si estás disponible para recibir llamadas');
      await es.page.getByRole('checkbox', { name: 'Celebraciones' }).uncheck();
      await es.page.getByRole('checkbox', { name: 'Silencio por la noche' }).check();
      await es.page.getByLabel('Desde', { exact: true }).fill('23:00');
      await es.page.getByLabel('Hasta', { exact: true }).fill('23:00');
      await waitForText(es.page, 'Las horas de silencio deben terminar a otra hora de la que empiezan.');
      await es.page.getByLabel('Hasta', { exact: true }).fill('07:00');
      await checkPage(es.page, 'notification settings (es)');
      await es.page.getByRole('button', { name: 'Guardar ajustes' }).click();
      await waitForText(es.page, 'Guardado.');
      noProblems(en.problems);
      noProblems(es.problems);
    },
  },
];

for (const journey of notificationsJourneys)
  test(journey.name, async ({ ctx, house }) => {
    await journey.run({ ...ctx, house });
  });
