// Outside meetings and calendars: an admin lists meetings and shares them in the public feed, a resident
// finds one by its type and logs going (Spanish), the peer leader sees the house's weekly counts and
// puts the house meetings in a calendar (English). One serial group, one house: the list is the
// organization's, and what one journey adds or logs the next one reads. axe-core on every page.
import type { Page } from '@playwright/test';
import { Chain } from './chain.ts';
import { expect, type House, type JourneyContext, type Lang, type Person, test } from './fixtures.ts';
import { checkPage, heading, inMenu, noProblems, open, signIn } from './steps.ts';

type C = JourneyContext & { house: House; admin: Person };

/** Earlier journeys may have changed a person's language; each journey here sets the one it reads. */
async function useLanguage(page: Page, url: string, language: Lang) {
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: 15_000 });
  await page.locator('h1').first().waitFor({ timeout: 15_000 });
  const saved = await page.request.patch(`${url}/api/me/profile`, { data: { language } });
  expect(saved.status(), `setting the language answered ${saved.status()}`).toBe(200);
}

const outsideJourneys: { name: string; run: (c: C) => Promise<void> }[] = [
  {
    name: 'an admin adds a Spanish women’s meeting to the outside-meeting list and shares it in the public feed',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'en');
      await signIn(page, c.server.url, c.admin.username, c.admin.password);
      await useLanguage(page, c.server.url, 'en');
      // The house's weekly goal (house meetings own its settings) and a second meeting, through the API.
      const residences = await page.request.get(`${c.server.url}/api/residences`);
      const house = ((await residences.json()).residences as { id: string; name: string }[]).find(
        (r) => r.name === c.house.name,
      );
      expect(house, 'the house exists').toBeDefined();
      const goal = await page.request.patch(`${c.server.url}/api/residences/${house!.id}/meeting-settings`, {
        data: { weeklyOutsideGoal: 3 },
      });
      expect(goal.status(), `setting the weekly goal answered ${goal.status()}`).toBe(200);
      const other = await page.request.post(`${c.server.url}/api/outside-meetings`, {
        data: {
          name: 'Monday Night Big Book',
          days: [1],
          time: '19:00',
          timeZone: 'America/Chicago',
          types: ['O', 'B'],
        },
      });
      expect(other.status(), `adding a meeting answered ${other.status()}`).toBe(201);

      await page.goto(`${c.server.url}/outside-meetings`);
      await heading(page, 'Meetings outside the house');
      await checkPage(page, 'outside meetings as admin');
      await page.getByRole('button', { name: 'Add a meeting' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Mujeres en Recuperación');
      await page.getByRole('group', { name: 'Days' }).getByLabel('Wednesday').check();
      await page.getByLabel('Starts at', { exact: true }).fill('19:00');
      await page.getByLabel('Time zone', { exact: true }).fill('America/Chicago');
      const types = page.getByRole('group', { name: 'Kind of meeting' });
      await types.getByLabel('Women', { exact: true }).check();
      await types.getByLabel('Open', { exact: true }).check();
      const languages = page.getByRole('group', { name: 'Languages' });
      await languages.getByLabel('English', { exact: true }).uncheck();
      await languages.getByLabel('Spanish', { exact: true }).check();
      await page.getByRole('group', { name: 'For whom' }).getByLabel('Women', { exact: true }).check();
      await page.getByLabel('Address', { exact: true }).fill('45 Pine St, Springfield');
      await page.getByLabel('Notes', { exact: true }).fill('Café desde las 18:45.');
      await page.getByLabel('Share in our public feed', { exact: true }).check();
      await checkPage(page, 'adding an outside meeting');
      await page.getByRole('button', { name: 'Add meeting' }).click();
      await page.getByRole('heading', { level: 3, name: 'Mujeres en Recuperación' }).waitFor();

      // The public feed lists it, in Meeting Guide form, open to any site.
      const feedUrl = ((await page.locator('#feed-heading ~ .invitation-link').textContent()) ?? '').trim();
      expect(feedUrl, `feed address: ${feedUrl}`).toMatch(/\/api\/public\/[a-z0-9-]+\/meetings\.json$/);
      const feed = await page.request.get(feedUrl);
      expect(feed.headers()['access-control-allow-origin'], 'the feed is open to any site').toBe('*');
      const rows = (await feed.json()) as { name: string; day: number; time: string; types: string[] }[];
      const row = rows.find((r) => r.name === 'Mujeres en Recuperación');
      expect(row, `feed row: ${JSON.stringify(row)}`).toMatchObject({ day: 3, time: '19:00' });
      expect(row!.types, `types: ${row!.types}`).toEqual(expect.arrayContaining(['W', 'S']));
      expect(
        rows.some((r) => r.name === 'Monday Night Big Book'),
        'an unpublished meeting stays out of the feed',
      ).toBe(false);
      await checkPage(page, 'outside meetings after adding');

      // Where the organization's online meetings are based, and an online meeting placed there.
      await page.getByLabel('Where our online meetings are based').fill('Springfield, IL, USA');
      await page.getByRole('button', { name: 'Save place' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved. Online meetings' }).waitFor();
      await page.getByRole('button', { name: 'Add a meeting' }).click();
      await page.getByLabel('Name', { exact: true }).fill('Sunday Serenity Online');
      await page.getByRole('group', { name: 'Days' }).getByLabel('Sunday').check();
      await page.getByLabel('Starts at', { exact: true }).fill('18:00');
      await page.getByLabel('Time zone', { exact: true }).fill('America/Chicago');
      await page
        .getByLabel('Online meeting link', { exact: true })
        .fill('https://meet.jit.si/sunday-serenity');
      const based = page.getByLabel('Where it is based', { exact: true });
      await expect(based).toHaveAccessibleDescription(/Springfield, IL, USA/);
      await page.getByLabel('Share in our public feed', { exact: true }).check();
      await checkPage(page, 'adding an online meeting');
      await page.getByRole('button', { name: 'Add meeting' }).click();
      await page.getByRole('heading', { level: 3, name: 'Sunday Serenity Online' }).waitFor();
      const placed = ((await (await page.request.get(feedUrl)).json()) as Record<string, unknown>[]).find(
        (r) => r.name === 'Sunday Serenity Online',
      );
      expect(placed, `online feed row: ${JSON.stringify(placed)}`).toMatchObject({
        formatted_address: 'Springfield, IL, USA',
        approximate: 'yes',
        conference_url: 'https://meet.jit.si/sunday-serenity',
      });
      noProblems(problems);
    },
  },
  {
    name: 'a resident finds a women’s meeting by its type and logs going to it (Spanish)',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'es');
      await signIn(page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      await useLanguage(page, c.server.url, 'es');
      await page.goto(`${c.server.url}/today`);
      await heading(page, 'Hoy');
      await (await inMenu(page, 'Reuniones externas')).click();
      await heading(page, 'Reuniones fuera de la casa');
      await page.getByText('0 de 3 esta semana').waitFor();
      await checkPage(page, 'outside meetings (es)');
      await page.getByRole('combobox', { name: 'Tipo de reunión' }).selectOption({ label: 'Mujeres' });
      await page.getByText('Encontramos 1 reunión.').waitFor();
      const found = page.locator('.outside-meeting');
      expect(await found.count(), 'one meeting matches').toBe(1);
      await found.getByRole('heading', { name: 'Mujeres en Recuperación' }).waitFor();
      await checkPage(page, 'outside meetings filtered (es)');
      await found.getByRole('button', { name: /^Fui hoy/ }).click();
      await page.getByText('Guardado: Mujeres en Recuperación.').first().waitFor();
      await page.getByText('1 de 3 esta semana').waitFor();
      await page.getByRole('heading', { name: 'Reuniones a las que fui hace poco' }).waitFor();
      // One more, by name: a meeting that is not in the list.
      await page.getByLabel('Nombre de la reunión').fill('NA del martes, calle Main');
      await page.getByRole('button', { name: 'Guardar', exact: true }).click();
      await page.getByText('2 de 3 esta semana').waitFor();
      await checkPage(page, 'outside meetings after logging (es)');
      // The shared meetings as a calendar the phone can follow: the public ones only, no names.
      await page.getByRole('heading', { name: 'Estas reuniones en tu calendario' }).waitFor();
      const follow = await page
        .getByRole('link', { name: 'Seguir en mi aplicación de calendario' })
        .getAttribute('href');
      expect(follow, `calendar link: ${follow}`).toMatch(
        /^webcal:\/\/.+\/api\/public\/[a-z0-9-]+\/meetings\.ics$/,
      );
      const ics = await page.request.get(follow!.replace(/^webcal:/, new URL(c.server.url).protocol));
      expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
      const text = await ics.text();
      expect(text).toContain('SUMMARY:Mujeres en Recuperación');
      expect(text).not.toContain('Monday Night Big Book');
      noProblems(problems);
    },
  },
  {
    name: 'the peer leader sees the house’s weekly counts and puts the house meetings in a calendar (English)',
    run: async (c: C) => {
      const { page, problems } = await open(c, 'en');
      await signIn(page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await useLanguage(page, c.server.url, 'en');
      await page.goto(`${c.server.url}/today`);
      await (await inMenu(page, 'Outside meetings')).click();
      await heading(page, 'Meetings outside the house');
      const counts = page.getByRole('table');
      await counts.waitFor();
      const carlos = counts.getByRole('row', { name: /^Carlos/ });
      expect(
        ((await carlos.locator('td').last().textContent()) ?? '').trim(),
        'Carlos went to 2 this week',
      ).toBe('2');
      expect(
        ((await page.textContent('main')) ?? '').includes('NA del martes'),
        'the leader sees counts only',
      ).toBe(false);
      await checkPage(page, 'outside meetings as peer leader');

      await page.goto(`${c.server.url}/meetings`);
      await heading(page, 'House meetings');
      await page.getByRole('heading', { name: 'Put meetings in my calendar' }).waitFor();
      await page.getByRole('button', { name: 'Make my calendar address' }).click();
      const address = page.locator('.calendar-url');
      await address.waitFor();
      const url = ((await address.textContent()) ?? '').trim();
      expect(url, `calendar address: ${url}`).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const webcal = await page.getByRole('link', { name: 'Open in my calendar app' }).getAttribute('href');
      expect(webcal, `webcal link: ${webcal}`).toBe(url.replace(/^https?:\/\//, 'webcal://'));
      await page.getByRole('button', { name: 'Copy address' }).waitFor();
      await checkPage(page, 'calendar address made');
      const calendar = await page.request.get(url);
      expect(calendar.status(), `the calendar answered ${calendar.status()}`).toBe(200);
      expect(
        (calendar.headers()['content-type'] ?? '').startsWith('text/calendar'),
        'served as text/calendar',
      ).toBe(true);
      expect((await calendar.text()).startsWith('BEGIN:VCALENDAR\r\n'), 'an iCalendar file').toBe(true);

      await page.getByRole('button', { name: /^Stop this address/ }).click();
      await page.getByRole('button', { name: 'Make my calendar address' }).waitFor();
      expect((await page.request.get(url)).status(), 'a stopped address no longer works').toBe(404);
      await checkPage(page, 'calendar address stopped');
      noProblems(problems);
    },
  },
];

test.describe
  .serial('outside meetings, from the list to the calendar', () => {
    const chain = new Chain<C>();
    for (const j of outsideJourneys) chain.add(j.name, j.run);
    let house: House;
    let admin: Person;
    test.beforeAll(async ({ world }) => {
      house = await world.newHouse();
      admin = await world.newAdmin('en');
    });
    for (const name of chain.names)
      test(name, async ({ ctx }) => {
        await chain.run(name, { ...ctx, house, admin });
      });
  });
