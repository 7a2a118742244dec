// Browser journeys for a layout made for one hand (issue "Phone first", part 3): at 390×844, every screen
// of a resident, a peer leader, an admin and a counselor, in English and in Spanish, fits the phone's
// width (the document's scrollWidth), keeps its header short, has at most five places in the bottom
// navigation, keeps "Reach out now" one tap away even scrolled to the bottom, and passes axe. Today puts
// the check-in above the fold; the check-in and the ask-or-offer forms show their problems and their
// results where the person is looking.
import type { APIRequestContext, Page } from '@playwright/test';
import { PHONE } from './checks.ts';
import { expect, type House, type JourneyContext, type Lang, type Person, test } from './fixtures.ts';
import { checkPage, heading, noProblems, open, signIn } from './steps.ts';
import { signedIn, type World } from './world.ts';

/** The header may take this much of an 844 px screen (it took 310–378 px before). */
const HEADER_BUDGET = 120;
const LIVE = { timeout: 20_000 };

const WORDS = {
  en: {
    reachOut: 'Reach out now',
    menu: 'Main menu',
    more: 'More',
    checkIn: 'Check in',
    today: 'Today',
    checkInTitle: 'Daily check-in',
    save: 'Save my check-in',
    saved: 'Saved — you checked in today',
    fillIn: 'Please fill this in.',
    chooseOne: 'Please choose one.',
    good: 'Good',
    craving: /craving/,
    ask: 'Ask or offer',
    post: 'Post it',
    need: 'I need help',
    practical: 'Practical help',
    words: 'In a few words',
    mine: 'My requests and offers',
  },
  es: {
    reachOut: 'Pedir ayuda ya',
    menu: 'Menú principal',
    more: 'Más',
    checkIn: 'Hacer mi registro',
    today: 'Hoy',
    checkInTitle: 'Registro diario',
    save: 'Guardar mi registro',
    saved: 'Guardado: ya hiciste tu registro de hoy',
    fillIn: 'Por favor, completa este campo.',
    chooseOne: 'Elige una opción.',
    good: 'Bien',
    craving: /deseo de consumir/,
    ask: 'Pedir u ofrecer',
    post: 'Publicar',
    need: 'Necesito ayuda',
    practical: 'Ayuda práctica',
    words: 'En pocas palabras',
    mine: 'Mis pedidos y ofertas',
  },
} as const;

type Measure = { header: number; scrollWidth: number; places: number };

/** What one screen must be for one hand; returns what it measured. */
async function checkOneHand(page: Page, lang: Lang, label: string): Promise<Measure> {
  return await test.step(`one hand: ${label}`, async () => {
    await expect(page.locator('main .loading')).toHaveCount(0, LIVE);
    const m = await page.evaluate(() => ({
      header: document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0,
      scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
      places: 0,
    }));
    expect(m.scrollWidth, `${label}: nothing may be wider than the phone`).toBeLessThanOrEqual(PHONE.width);
    expect(m.header, `${label}: the header's height`).toBeLessThanOrEqual(HEADER_BUDGET);
    const bar = page.getByRole('navigation', { name: WORDS[lang].menu }).locator('.bottom-nav-bar > li');
    m.places = await bar.count();
    expect(m.places, `${label}: places in the bottom navigation`).toBeLessThanOrEqual(5);
    await expect(page.getByRole('button', { name: WORDS[lang].more, exact: true })).toBeInViewport();
    // "Reach out now" is one tap away at the top of the screen and scrolled all the way down.
    const reachOut = page.getByRole('button', { name: WORDS[lang].reachOut });
    await expect(reachOut).toBeInViewport();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(reachOut).toBeInViewport();
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkPage(page, label);
    return m;
  });
}

/** Opens a screen by its address and waits for its heading. */
async function visit(page: Page, url: string, path: string, lang: Lang, label: string) {
  await page.goto(`${url}${path}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible(LIVE);
  return await checkOneHand(page, lang, `${label} (${lang})`);
}

/** Every screen of a house member; a peer leader's own screens too. */
function houseScreens(house: House, leader: boolean): [string, string][] {
  return [
    ['/today', 'today'],
    ['/check-in', 'check-in'],
    ['/progress', 'progress'],
    ['/barc10', 'BARC-10'],
    ['/house', 'my house'],
    ['/meetings', 'meetings'],
    [`/house/${house.id}/minutes`, 'minutes history'],
    ['/outside-meetings', 'outside meetings'],
    ['/chat', 'chat'],
    ['/support', 'support'],
    ['/support/ask', 'ask or offer'],
    ['/support/mine', 'my support'],
    ['/support/ledger', 'support ledger'],
    ['/skills', 'skills'],
    ['/mentors', 'mentors'],
    ['/notifications', 'notifications'],
    ['/settings/notifications', 'notification settings'],
    ['/me', 'my profile'],
    ['/me/sessions', 'my sessions'],
    ...(leader
      ? ([
          [`/house/${house.id}/support`, 'peer leader view'],
          [`/house/${house.id}/reach-out`, 'reach-out record'],
        ] as [string, string][])
      : []),
  ];
}

const ADMIN_SCREENS: [string, string][] = [
  ['/residences', 'residences'],
  ['/people', 'people'],
  ['/meetings', 'meetings'],
  ['/outside-meetings', 'outside meetings'],
  ['/settings/signals', 'signal settings'],
  ['/audit', 'audit log'],
  ['/notifications', 'notifications'],
  ['/me', 'my profile'],
];

const COUNSELOR_SCREENS: [string, string][] = [
  ['/me', 'my profile'],
  ['/me/sessions', 'my sessions'],
  ['/notifications', 'notifications'],
  ['/settings/notifications', 'notification settings'],
];

async function ok(what: string, response: import('@playwright/test').APIResponse) {
  if (!response.ok()) throw new Error(`${what} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as { id: string } & Record<string, unknown>;
}

async function setLanguage(api: APIRequestContext, language: Lang) {
  await ok('changing my language', await api.patch('/api/me/profile', { data: { language } }));
}

/**
 * A house with something in its tables: Carlos asked for emotional support, Brianna helped and he said it
 * helped (the ledger's house counts), and both have a recovery clock (Today in full).
 */
async function fillHouse(url: string, house: House) {
  const carlos = await signedIn(url, house.carlos.username, house.carlos.password);
  const brianna = await signedIn(url, house.brianna.username, house.brianna.password);
  for (const api of [carlos, brianna])
    await ok(
      'setting a recovery date',
      await api.post('/api/journey/clocks', {
        data: {
          startsOn: new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10),
          visibleTo: 'house',
        },
      }),
    );
  const asked = await ok(
    'asking for support',
    await carlos.post('/api/support/requests', {
      data: {
        type: 'request',
        supportKind: 'emotional',
        body: 'Someone to talk to tonight',
        audience: 'house',
      },
    }),
  );
  const offered = (await ok(
    'offering to help',
    await brianna.post(`/api/support/requests/${asked.id}/responses`, { data: {} }),
  )) as unknown as { responses: { id: string }[] };
  const response = offered.responses[0]!.id;
  await ok('accepting the offer', await carlos.post(`/api/support/responses/${response}/accept`));
  await ok('saying it helped', await carlos.post(`/api/support/responses/${response}/helped`, { data: {} }));
  return { carlos, brianna };
}

/** Today puts the check-in first: its button is above the fold, clear of the bottom navigation. */
async function checkInAboveTheFold(page: Page, url: string, lang: Lang): Promise<number> {
  await page.goto(`${url}/today`);
  await heading(page, WORDS[lang].today);
  const button = page.getByRole('link', { name: WORDS[lang].checkIn, exact: true });
  await button.waitFor(LIVE);
  const box = (await button.boundingBox())!;
  const navTop = (await page.locator('.bottom-nav').boundingBox())!.y;
  expect(
    box.y + box.height,
    'the Check in button sits above the fold and the bottom navigation',
  ).toBeLessThanOrEqual(navTop);
  return Math.round(box.y);
}

/** Saving an empty check-in puts focus on the first field in error; saving says so next to the button. */
async function checkInFeedback(page: Page, url: string, lang: Lang) {
  const w = WORDS[lang];
  await page.goto(`${url}/check-in`);
  await heading(page, w.checkInTitle);
  await page.getByRole('button', { name: w.save }).click();
  const mood = page
    .getByRole('group')
    .filter({ has: page.getByText(w.fillIn) })
    .first();
  await expect(mood.getByText(w.fillIn)).toBeInViewport();
  await expect(mood.locator('input:focus')).toHaveCount(1);
  await checkPage(page, `check-in with a problem (${lang})`);
  await page.getByRole('radio', { name: w.good, exact: true }).check();
  await page.getByRole('group', { name: w.craving }).getByRole('radio', { name: '2', exact: true }).check();
  await page.getByRole('button', { name: w.save }).click();
  const result = page.getByRole('status').filter({ hasText: w.saved });
  await expect(result).toBeInViewport(LIVE);
  await checkPage(page, `check-in saved (${lang})`);
}

/** Ask or offer: nothing chosen for the person; a missing choice is shown, focused, and then it posts. */
async function askFeedback(page: Page, url: string, lang: Lang) {
  const w = WORDS[lang];
  await page.goto(`${url}/support/ask`);
  await heading(page, w.ask);
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await page.getByRole('button', { name: w.post }).click();
  const first = page
    .getByRole('group')
    .filter({ has: page.getByText(w.chooseOne) })
    .first();
  await expect(first.getByText(w.chooseOne)).toBeInViewport();
  await expect(first.locator('input:focus')).toHaveCount(1);
  // The summary is said next to the button (an alert), while the eye and focus go to the first choice.
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
  await checkPage(page, `ask with problems (${lang})`);
  await page.getByLabel(w.need, { exact: true }).check();
  await page.getByLabel(w.practical, { exact: true }).check();
  await page.getByLabel(w.words).fill(`A ride to the clinic (${Date.now() % 100_000})`);
  await page.getByRole('button', { name: w.post }).click();
  await heading(page, w.mine);
}

/** Signing in has taken the phone off the sign-in screen. */
async function signedInNow(page: Page) {
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), LIVE);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible(LIVE);
}

function logFigures(label: string, figures: Record<string, number>) {
  test.info().annotations.push({ type: 'figures', description: `${label}: ${JSON.stringify(figures)}` });
  console.log(`one hand: ${label}: ${JSON.stringify(figures)}`);
}

type C = JourneyContext & { house: House; world: World };

async function houseMember(c: C, who: 'carlos' | 'brianna', first: Lang) {
  // Some twenty screens in each language, each with axe: longer than one journey's two minutes.
  test.setTimeout(480_000);
  const leader = who === 'brianna';
  const person: Person = c.house[who];
  const { carlos, brianna } = await fillHouse(c.server.url, c.house);
  const api = leader ? brianna : carlos;
  for (const lang of [first, first === 'en' ? 'es' : 'en'] as Lang[]) {
    await setLanguage(api, lang);
    const { page, problems } = await open(c, lang);
    await signIn(page, c.server.url, person.username, person.password, lang);
    await heading(page, WORDS[lang].today);
    const fold = await checkInAboveTheFold(page, c.server.url, lang);
    let header = 0;
    for (const [path, label] of houseScreens(c.house, leader))
      header = Math.max(header, (await visit(page, c.server.url, path, lang, label)).header);
    // A conversation of the house, opened from the chat list.
    await page.goto(`${c.server.url}/chat`);
    await page.locator('.chat-conversation-link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible(LIVE);
    await checkOneHand(page, lang, `a conversation (${lang})`);
    logFigures(`${who} (${lang})`, { tallestHeader: header, checkInTop: fold });
    noProblems(problems);
  }
  // Feedback where the person is looking, once in each language.
  const { page, problems } = await open(c, first);
  await setLanguage(api, first);
  await signIn(page, c.server.url, person.username, person.password, first);
  await heading(page, WORDS[first].today);
  await checkInFeedback(page, c.server.url, first);
  // Checked in: Today says so at the top.
  await page.goto(`${c.server.url}/today`);
  await page.locator('.check-in-status .done').waitFor(LIVE);
  await askFeedback(page, c.server.url, first);
  noProblems(problems);
  for (const api of [carlos, brianna]) await api.dispose();
}

test('one hand: a resident’s every screen fits the phone, Spanish then English', async ({
  ctx,
  house,
  world,
}) => {
  await houseMember({ ...ctx, house, world }, 'carlos', 'es');
});

test('one hand: a peer leader’s every screen fits the phone, English then Spanish', async ({
  ctx,
  house,
  world,
}) => {
  await houseMember({ ...ctx, house, world }, 'brianna', 'en');
});

test('one hand: an admin’s every screen fits the phone, in English and Spanish', async ({
  ctx,
  house,
  adminEn,
}) => {
  const api = await signedIn(ctx.server.url, adminEn.username, adminEn.password);
  for (const lang of ['en', 'es'] as Lang[]) {
    await setLanguage(api, lang);
    const { page, problems } = await open(ctx, lang);
    await signIn(page, ctx.server.url, adminEn.username, adminEn.password, lang);
    await signedInNow(page);
    for (const [path, label] of [
      ...ADMIN_SCREENS,
      [`/residences/${house.id}`, 'a residence'] as [string, string],
    ])
      await visit(page, ctx.server.url, path, lang, label);
    noProblems(problems);
  }
  await api.dispose();
});

test('one hand: a counselor’s every screen fits the phone, in English and Spanish', async ({
  ctx,
  house,
  world,
}) => {
  const counselor: Person = {
    username: `dana-${house.id.slice(0, 6)}`,
    password: 'dana-password-1',
    firstName: 'Dana',
    lastName: 'Okafor',
  };
  await world.join((await world.invite('counselor', null)).code, counselor, 'en');
  const api = await signedIn(ctx.server.url, counselor.username, counselor.password);
  for (const lang of ['en', 'es'] as Lang[]) {
    await setLanguage(api, lang);
    const { page, problems } = await open(ctx, lang);
    await signIn(page, ctx.server.url, counselor.username, counselor.password, lang);
    await signedInNow(page);
    for (const [path, label] of COUNSELOR_SCREENS) await visit(page, ctx.server.url, path, lang, label);
    noProblems(problems);
  }
  await api.dispose();
});
