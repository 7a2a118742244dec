// Browser journeys for the peer leader's day (decision 0032), with two phones at once. A resident's
// check-in with a very low mood raises a signal; their peer leader, with Today open, sees it arrive by
// person in warm words and gets a notification that names who, never what they wrote. She says she has
// seen it, sees that said, and takes it back. Once with an English leader, once with a Spanish one;
// axe-core and the phone's width on every screen.
import type { Page } from '@playwright/test';
import { expect, type Lang, type Person, test } from './fixtures.ts';
import { checkPage, heading, noProblems, open, signIn } from './steps.ts';
import { signedIn } from './world.ts';

const LIVE = { timeout: 30_000 };

/** The words each phone shows, in the leader's language and the resident's. */
const WORDS = {
  en: {
    today: 'Today',
    checkInTitle: 'Daily check-in',
    veryLow: 'Very low',
    craving: /craving/,
    gratitude: 'One thing I am grateful for',
    save: 'Save my check-in',
    saved: 'Saved — you checked in today',
    card: 'Who may need you',
    nobody: 'Nobody is waiting on you right now.',
    nothingNew: 'Nothing new since you last looked.',
    oneNew: '1 person new since you last looked',
    kind: 'Very low mood',
    soon: 'Reach out today',
    seen: 'I’ve seen this for Carlos M.',
    noted: 'Noted — you’ve seen Carlos M.’s check-in.',
    undo: /^Undo/,
    undone: 'Undone — Carlos M. is back on your list.',
    bell: /^Notifications/,
    inbox: 'Notifications',
    line: 'Carlos M. may need you. See who on Today.',
    severity: /severity/i,
  },
  es: {
    today: 'Hoy',
    checkInTitle: 'Registro diario',
    veryLow: 'Muy bajo',
    craving: /deseo de consumir/,
    gratitude: 'Algo por lo que estoy agradecido',
    save: 'Guardar mi registro',
    saved: 'Guardado: ya hiciste tu registro de hoy',
    card: 'Quién te puede necesitar',
    nobody: 'Nadie te espera ahora mismo.',
    nothingNew: 'Nada nuevo desde la última vez que miraste.',
    oneNew: '1 persona nueva desde la última vez que miraste',
    kind: 'Ánimo muy bajo',
    soon: 'Acércate hoy',
    seen: 'Ya lo vi para Carlos M.',
    noted: 'Anotado: ya viste el aviso de Carlos M.',
    undo: /^Deshacer/,
    undone: 'Deshecho: Carlos M. vuelve a tu lista.',
    bell: /^Avisos/,
    inbox: 'Avisos',
    line: 'Carlos M. te puede necesitar. Míralo en Hoy.',
    severity: /gravedad|severidad/i,
  },
} as const;

async function speaks(url: string, person: Person, language: Lang) {
  const api = await signedIn(url, person.username, person.password);
  expect((await api.patch('/api/me/profile', { data: { language } })).ok()).toBe(true);
  await api.dispose();
}

/** The card of the leader's house on Today. */
const card = (page: Page, lang: Lang) => page.getByRole('region', { name: WORDS[lang].card, exact: true });

for (const [leaderLang, residentLang] of [
  ['en', 'es'],
  ['es', 'en'],
] as const) {
  test(`leader's day (${leaderLang}): a very low check-in reaches the peer leader by person, without its words; seen, then undone`, async ({
    ctx,
    house,
  }) => {
    const l = WORDS[leaderLang];
    const r = WORDS[residentLang];
    await speaks(ctx.server.url, house.brianna, leaderLang);
    await speaks(ctx.server.url, house.carlos, residentLang);
    // What Carlos writes is his alone; a phrase nobody else could have put on the page.
    const private_words = `Mi hermana llamó ${house.id.slice(0, 8)}`;

    const leader = await open(ctx, leaderLang);
    await signIn(leader.page, ctx.server.url, house.brianna.username, house.brianna.password, leaderLang);
    await heading(leader.page, l.today);
    await card(leader.page, leaderLang).getByText(l.nobody).waitFor(LIVE);
    await checkPage(leader.page, `today, nobody waiting (${leaderLang})`);

    // Carlos checks in on his phone: a very low mood, and something he is grateful for.
    const resident = await open(ctx, residentLang);
    await signIn(resident.page, ctx.server.url, house.carlos.username, house.carlos.password, residentLang);
    await heading(resident.page, r.today);
    await resident.page.goto(`${ctx.server.url}/check-in`);
    await heading(resident.page, r.checkInTitle);
    await resident.page.getByRole('radio', { name: r.veryLow, exact: true }).check({ force: true });
    await resident.page
      .getByRole('group', { name: r.craving })
      .getByRole('radio', { name: '0', exact: true })
      .check({ force: true });
    await resident.page.getByLabel(r.gratitude, { exact: false }).fill(private_words);
    await resident.page.getByRole('button', { name: r.save }).click();
    await resident.page.getByText(r.saved, { exact: false }).waitFor(LIVE);
    noProblems(resident.problems);

    // Brianna did not reload: Carlos is on her Today, once, in warm words — who and what kind.
    const today = card(leader.page, leaderLang);
    await today.getByText(l.oneNew).waitFor(LIVE);
    const row = today.locator('li.signal').filter({ hasText: 'Carlos M.' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(l.kind);
    await expect(row).toContainText(l.soon);
    await expect(today).not.toContainText(l.severity);
    await expect(leader.page.locator('body')).not.toContainText(private_words);
    await checkPage(leader.page, `today, a signal by person (${leaderLang})`);

    // She says she has seen it; Hearth says so, and lets her take it back.
    await today.getByRole('button', { name: l.seen }).click();
    await today.getByText(l.noted).waitFor(LIVE);
    await expect(today.locator('li.signal').filter({ hasText: 'Carlos M.' })).toHaveCount(0);
    await checkPage(leader.page, `today, a signal seen (${leaderLang})`);
    await today.getByRole('button', { name: l.undo }).click();
    await today.getByText(l.undone).waitFor(LIVE);
    await expect(today.locator('li.signal').filter({ hasText: 'Carlos M.' })).toHaveCount(1);
    await checkPage(leader.page, `today, a signal back after undo (${leaderLang})`);

    // Her notification names who may need her, never what he wrote.
    await leader.page.getByRole('link', { name: l.bell }).first().click();
    await heading(leader.page, l.inbox);
    await leader.page.getByText(l.line).first().waitFor(LIVE);
    await expect(leader.page.locator('body')).not.toContainText(private_words);
    const listed = await (await leader.page.request.get(`${ctx.server.url}/api/notifications`)).text();
    expect(listed, 'The notification carries a signal').toContain('"signal"');
    expect(listed, 'The notification never carries the check-in’s words').not.toContain(private_words);
    await checkPage(leader.page, `notifications, a signal (${leaderLang})`);

    // Back on Today, what she has looked at is no longer new: it waits under "Earlier".
    await leader.page.goto(`${ctx.server.url}/today`);
    await heading(leader.page, l.today);
    await today.getByText(l.nothingNew).waitFor(LIVE);
    await today.locator('summary').click();
    await expect(today.locator('li.signal').filter({ hasText: 'Carlos M.' })).toHaveCount(1);
    await checkPage(leader.page, `today, a signal already looked at (${leaderLang})`);
    // The server agrees: his signal is open again.
    const day = (await (await leader.page.request.get(`${ctx.server.url}/api/signals/today`)).json()) as {
      houses: { people: { displayName: string }[] }[];
    };
    expect(day.houses.flatMap((h) => h.people.map((p) => p.displayName))).toEqual(['Carlos M.']);
    noProblems(leader.problems);
  });
}
