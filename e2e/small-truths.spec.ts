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

test('a phone in Tokyo shows the house meeting at the house’s time, labelled, on every screen', async ({
  ctx,
  house,
}) => {
  // The journeys' houses keep the runner's zone; the phone is half a world away from it.
  const houseZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  test.skip(houseZone === 'Asia/Tokyo', 'the runner is in Tokyo already');
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
    timezoneId: 'Asia/Tokyo',
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
