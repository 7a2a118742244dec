// Browser journeys for notifications that tell the truth (decision 0033), with two phones at once. A
// resident reaches out now; his peer leader, with her notifications open, sees the urgent alert arrive.
// He says he is okay now, and her list — still open, never reloaded — changes to say so. Once with an
// English leader, once with a Spanish one; axe-core and the phone's width on every screen.
import { expect, type Lang, type Person, test } from './fixtures.ts';
import { checkPage, heading, noProblems, open, signIn } from './steps.ts';
import { signedIn } from './world.ts';

const LIVE = { timeout: 30_000 };

const WORDS = {
  en: {
    today: 'Today',
    inbox: 'Notifications',
    markAll: 'Mark all as read',
    reachOut: 'Reach out now',
    sent: 'The people on call for you know. Someone will call you soon.',
    okay: 'I’m okay now',
    closed: 'Glad you are okay.',
    alert: 'Carlos M. is reaching out right now. Please call.',
    resolved: 'Carlos M. is okay now. Thank you for being there.',
    urgent: 'Urgent',
    resolvedBadge: 'Resolved',
  },
  es: {
    today: 'Hoy',
    inbox: 'Avisos',
    markAll: 'Marcar todo como leído',
    reachOut: 'Pedir ayuda ya',
    sent: 'Las personas de guardia ya lo saben. Alguien te llamará pronto.',
    okay: 'Ya estoy bien',
    closed: 'Qué bueno que estás bien.',
    alert: 'Carlos M. está buscando apoyo ahora mismo. Por favor, llama.',
    resolved: 'Carlos M. ya está bien. Gracias por estar ahí.',
    urgent: 'Urgente',
    resolvedBadge: 'Resuelta',
  },
} as const;

async function speaks(url: string, person: Person, language: Lang) {
  const api = await signedIn(url, person.username, person.password);
  expect((await api.patch('/api/me/profile', { data: { language } })).ok()).toBe(true);
  await api.dispose();
}

for (const [leaderLang, residentLang] of [
  ['en', 'es'],
  ['es', 'en'],
] as const) {
  test(`notifications tell the truth (${leaderLang}): an urgent alert in the open list turns to “okay now” live, without a reload`, async ({
    ctx,
    house,
  }) => {
    const l = WORDS[leaderLang];
    const r = WORDS[residentLang];
    await speaks(ctx.server.url, house.brianna, leaderLang);
    await speaks(ctx.server.url, house.carlos, residentLang);

    const leader = await open(ctx, leaderLang);
    await signIn(leader.page, ctx.server.url, house.brianna.username, house.brianna.password, leaderLang);
    await heading(leader.page, l.today);
    await leader.page.goto(`${ctx.server.url}/notifications`);
    await heading(leader.page, l.inbox);
    // A page loaded once: a reload would lose this mark, and the journey checks it is still there.
    await leader.page.evaluate(() => {
      (window as unknown as { stayedOpen: boolean }).stayedOpen = true;
    });

    const resident = await open(ctx, residentLang);
    await signIn(resident.page, ctx.server.url, house.carlos.username, house.carlos.password, residentLang);
    await heading(resident.page, r.today);
    await resident.page.getByRole('button', { name: r.reachOut }).click();
    await heading(resident.page, r.reachOut);
    await resident.page.getByText(r.sent).first().waitFor(LIVE);

    // Brianna's open list shows the urgent alert as it arrives.
    const item = leader.page.locator('li.inbox-item').filter({ hasText: 'Carlos M.' });
    await item.locator('.inbox-line').getByText(l.alert).waitFor(LIVE);
    await expect(item).toHaveCount(1);
    await expect(item.locator('.badge-urgent')).toHaveText(l.urgent);
    await checkPage(leader.page, `notifications, an urgent alert (${leaderLang})`);

    // Carlos is okay now; her list changes to say so, on the page she already had open.
    await resident.page.getByRole('button', { name: r.okay }).click();
    await resident.page.getByText(r.closed, { exact: false }).first().waitFor(LIVE);
    await checkPage(resident.page, `reach out, okay now (${residentLang})`);
    await item.locator('.inbox-line').getByText(l.resolved).waitFor(LIVE);
    await expect(item).toHaveCount(1);
    await expect(item).not.toContainText(l.alert);
    await expect(item.locator('.badge-urgent')).toHaveCount(0);
    await expect(item.locator('.badge-resolved')).toHaveText(l.resolvedBadge);
    expect(
      await leader.page.evaluate(() => (window as unknown as { stayedOpen?: boolean }).stayedOpen),
      'The list changed without a reload',
    ).toBe(true);
    await checkPage(leader.page, `notifications, the alert resolved (${leaderLang})`);
    noProblems(leader.problems);
    noProblems(resident.problems);
  });
}
