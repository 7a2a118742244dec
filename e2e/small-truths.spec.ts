// Browser journeys for the small truths of the phone-first work: the language chosen on the sign-in
// screen wins over the account's, meeting times in the house's zone, the first-day welcome, and
// offering to mentor a newcomer. A house of each journey's own; axe and the phone's width on each screen.
import { PHONE } from './checks.ts';
import { expect, test } from './fixtures.ts';
import { checkPage, heading, noProblems, open, signIn } from './steps.ts';
import { signedIn } from './world.ts';

test('Español chosen on the sign-in screen stays after signing in, and is saved to the profile', async ({
  ctx,
  house,
}) => {
  // Brianna's account speaks English; her phone's browser too.
  const { page, problems } = await open(ctx, 'en');
  await page.goto(`${ctx.server.url}/sign-in`);
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByLabel('Usuario o correo electrónico').waitFor();
  await page.getByLabel('Usuario o correo electrónico').fill(house.brianna.username);
  await page.getByLabel('Contraseña', { exact: true }).fill(house.brianna.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await heading(page, 'Hoy');
  await checkPage(page, 'today after choosing Español (es)');
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`${ctx.server.url}/api/me`)).json()) as { language: string })
          .language,
    )
    .toBe('es');
  await page.reload();
  await heading(page, 'Hoy');
  noProblems(problems);
});

test('a phone in another zone shows the house meeting at the house’s time, labelled, on every screen', async ({
  ctx,
  house,
}) => {
  // The journeys' houses keep the runner's zone; the phone is half a world away from it: Tokyo, or New
  // York when the runner's clock reads as Tokyo's (Tokyo has no summer time, New York is never UTC+9).
  const houseZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const clockIn = (timeZone: string) =>
    new Intl.DateTimeFormat('en', { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date());
  const phoneZone = clockIn(houseZone) === clockIn('Asia/Tokyo') ? 'America/New_York' : 'Asia/Tokyo';
  expect(clockIn(phoneZone), 'The phone’s clock must differ from the house’s').not.toBe(clockIn(houseZone));
  const leader = await signedIn(ctx.server.url, house.brianna.username, house.brianna.password);
  const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const made = await leader.post(`/api/residences/${house.id}/meetings`, {
    data: { kind: 'one_off', title: 'Kitchen talk', date, time: '19:00' },
  });
  expect(made.ok()).toBe(true);
  const meeting = (await made.json()) as { id: string; startsAt: string };
  await leader.dispose();
  const expected = new Intl.DateTimeFormat('en', {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: houseZone,
    timeZoneName: 'short',
  }).format(new Date(meeting.startsAt));
  expect(expected).toContain('7:00');

  const context = await ctx.browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
    timezoneId: phoneZone,
  });
  ctx.track(context);
  const page = await context.newPage();
  await signIn(page, ctx.server.url, house.brianna.username, house.brianna.password);
  await heading(page, 'Today');
  await page.goto(`${ctx.server.url}/meetings`);
  await heading(page, 'House meetings');
  await expect(page.locator(`time[datetime="${meeting.startsAt}"]`).first()).toHaveText(expected);
  await checkPage(page, 'meetings from another time zone (en)');
  await page.goto(`${ctx.server.url}/meetings/${meeting.id}`);
  await expect(page.locator('#meeting-when time')).toHaveText(expected);
  await checkPage(page, 'a meeting from another time zone (en)');
});

test('a peer leader further along offers to mentor a newer resident, who sees the offer (English, Spanish)', async ({
  ctx,
  house,
}) => {
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  // Brianna is two years in and shares it; Carlos is a hundred days in and shares it with the house.
  for (const [person, days, audience] of [
    [house.brianna, 800, 'organization'],
    [house.carlos, 100, 'house'],
  ] as const) {
    const api = await signedIn(ctx.server.url, person.username, person.password);
    expect((await api.post('/api/journey/clocks', { data: { startsOn: day(days) } })).ok()).toBe(true);
    expect((await api.patch('/api/me/privacy', { data: { stageVisibleTo: audience } })).ok()).toBe(true);
    await api.dispose();
  }
  const leader = await open(ctx, 'en');
  await signIn(leader.page, ctx.server.url, house.brianna.username, house.brianna.password);
  await heading(leader.page, 'Today');
  await leader.page.goto(`${ctx.server.url}/mentors`);
  await leader.page.getByRole('heading', { name: 'Newer peers you could mentor' }).waitFor();
  await checkPage(leader.page, 'mentors, newer peers to mentor (en)');
  await leader.page.getByRole('button', { name: /^Offer to mentor\s*: Carlos/ }).click();
  await leader.page.getByText(/^Offered\. Carlos .* will see your offer/).waitFor();
  await checkPage(leader.page, 'mentors, an offer made (en)');
  noProblems(leader.problems);

  const resident = await open(ctx, 'es');
  await signIn(resident.page, ctx.server.url, house.carlos.username, house.carlos.password, 'es');
  await heading(resident.page, 'Hoy');
  await resident.page.goto(`${ctx.server.url}/mentors`);
  await resident.page.getByText(/^Brianna .* se ofrece como tu mentor/).waitFor();
  await checkPage(resident.page, 'mentors, an offer received (es)');
  noProblems(resident.problems);
});

test('a newly invited resident’s first sign-in shows the first-day welcome on My house; put away, it stays away (Spanish, English)', async ({
  ctx,
  house,
}) => {
  // Carlos was just invited and has never signed in: his first look at My house welcomes him.
  const resident = await open(ctx, 'es');
  await signIn(resident.page, ctx.server.url, house.carlos.username, house.carlos.password, 'es');
  await heading(resident.page, 'Hoy');
  await resident.page.goto(`${ctx.server.url}/house`);
  const welcome = resident.page.getByRole('region', {
    name: `Bienvenido a casa, Carlos. Esta es ${house.name}.`,
  });
  await welcome.waitFor();
  await expect(welcome).toContainText('Tu líder de pares es Brianna D.');
  await expect(welcome.getByRole('listitem')).toHaveCount(3);
  await checkPage(resident.page, 'my house with the first-day welcome (es)');
  await welcome.getByRole('button', { name: 'Entendido, gracias' }).click();
  await expect(welcome).toHaveCount(0);
  await resident.page.reload();
  await resident.page.getByRole('heading', { level: 1 }).first().waitFor();
  await resident.page.getByText(house.name).first().waitFor();
  await expect(resident.page.getByRole('region', { name: /^Bienvenido a casa/ })).toHaveCount(0);
  const me = (await (await resident.page.request.get(`${ctx.server.url}/api/me`)).json()) as {
    welcome: boolean;
  };
  expect(me.welcome, 'Put away on his profile, so on every device').toBe(false);
  noProblems(resident.problems);

  // Brianna, new too, is welcomed in English until she puts it away herself.
  const leader = await open(ctx, 'en');
  await signIn(leader.page, ctx.server.url, house.brianna.username, house.brianna.password);
  await heading(leader.page, 'Today');
  await leader.page.goto(`${ctx.server.url}/house`);
  await leader.page
    .getByRole('region', { name: `Welcome home, Brianna. This is ${house.name}.` })
    .getByRole('button', { name: 'Got it, thanks' })
    .waitFor();
  await checkPage(leader.page, 'my house with the first-day welcome (en)');
  noProblems(leader.problems);
});

test('the next meeting’s agenda brings each promise back once, saying who offered it (English, Spanish)', async ({
  ctx,
  house,
}) => {
  // At a meeting Carlos offers a ride, then the same again with other spacing and case; Brianna offers to cook.
  const leader = await signedIn(ctx.server.url, house.brianna.username, house.brianna.password);
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const meetingOn = async (date: string, title: string) => {
    const made = await leader.post(`/api/residences/${house.id}/meetings`, {
      data: { kind: 'one_off', title, date, time: '19:00' },
    });
    expect(made.ok(), `making ${title}: ${made.status()}`).toBe(true);
    return ((await made.json()) as { id: string }).id;
  };
  const now = await meetingOn(day(1), 'House talk');
  expect((await leader.post(`/api/meetings/${now}/start`)).ok()).toBe(true);
  const detail = (await (await leader.get(`/api/meetings/${now}`)).json()) as {
    attendance: { personId: string; displayName: string }[];
  };
  const idOf = (name: string) => detail.attendance.find((a) => a.displayName.startsWith(name))!.personId;
  const [carlos, brianna] = [idOf('Carlos'), idOf('Brianna')];
  for (const [helperId, helpedId, description] of [
    [carlos, brianna, 'Drive Brianna to the Tuesday meeting'],
    [carlos, brianna, '  drive Brianna to the  Tuesday meeting'],
    [brianna, null, 'Cook dinner for the house on Friday'],
  ] as const) {
    const recorded = await leader.post(`/api/meetings/${now}/commitments`, {
      data: { helperId, helpedId, description, supportKind: 'instrumental' },
    });
    expect(recorded.status(), `recording “${description}”`).toBe(201);
  }
  const next = await meetingOn(day(4), 'Next house talk');
  await leader.dispose();

  const followUps = (page: import('@playwright/test').Page) => page.locator('li.agenda-follow_up');
  const en = await open(ctx, 'en');
  await signIn(en.page, ctx.server.url, house.brianna.username, house.brianna.password);
  await heading(en.page, 'Today');
  await en.page.goto(`${ctx.server.url}/meetings/${next}`);
  await followUps(en.page).first().waitFor();
  await expect(followUps(en.page)).toHaveCount(2);
  await expect(followUps(en.page).filter({ hasText: /drive Brianna/i })).toHaveCount(1);
  await expect(followUps(en.page).filter({ hasText: /drive Brianna/i })).toContainText(
    'Carlos M. offered this',
  );
  await expect(followUps(en.page).filter({ hasText: 'Cook dinner' })).toContainText('You offered this');
  await checkPage(en.page, 'an agenda with follow-ups (en)');
  noProblems(en.problems);

  const es = await open(ctx, 'es');
  await signIn(es.page, ctx.server.url, house.carlos.username, house.carlos.password, 'es');
  await heading(es.page, 'Hoy');
  await es.page.goto(`${ctx.server.url}/meetings/${next}`);
  await followUps(es.page).first().waitFor();
  await expect(followUps(es.page)).toHaveCount(2);
  await expect(followUps(es.page).filter({ hasText: /drive Brianna/i })).toContainText('Te ofreciste tú');
  await expect(followUps(es.page).filter({ hasText: 'Cook dinner' })).toContainText('Brianna D. se ofreció');
  await checkPage(es.page, 'an agenda with follow-ups (es)');
  noProblems(es.problems);
});
