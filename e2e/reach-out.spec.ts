// Browser journeys for reach out now (issue 5, part 6), with two phones at once. Carlos (Spanish) taps
// "Pedir ayuda ya" from the header; Brianna, his peer leader (English), sees it on her screen without
// reloading and says she is calling; he sees that live, with 988 and 911 on his screen the whole time.
// Then Brianna reaches out and nobody in her house answers: after the short escalation time the e2e
// server is started with (REACH_OUT_ESCALATE_SECONDS in hearth.ts), it reaches Dana, peer leader of
// another house, who answers. axe-core on every page.
import type { Page } from '@playwright/test';
import { Chain } from './chain.ts';
import { expect, type House, type JourneyContext, test } from './fixtures.ts';
import { type Hearth, startHearth } from './hearth.ts';
import { checkPage, noProblems, open, signIn } from './steps.ts';
import { ADMIN, setUpOrganization, World } from './world.ts';

type C = JourneyContext & { house: House };
type Journey = { name: string; run: (c: C) => Promise<void> };

const LIVE = { timeout: 30_000 };

async function waitForText(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor(LIVE);
}

/** The crisis lines are on the reach-out screen, from configuration. */
async function expectCrisisLines(page: Page, lang: 'en' | 'es') {
  const call = page.getByRole('link', { name: lang === 'es' ? 'Llamar al 988' : 'Call 988' });
  expect(await call.getAttribute('href'), 'The crisis line is not a tel: link to 988').toBe('tel:988');
  const text = page.getByRole('link', { name: lang === 'es' ? 'Escribir al 988' : 'Text 988' });
  expect(await text.getAttribute('href'), 'The crisis line is not an sms: link to 988').toBe('sms:988');
  await waitForText(
    page,
    lang === 'es' ? 'marca 1 para la Línea de Crisis para Veteranos' : 'press 1 for the Veterans Crisis Line',
  );
  await waitForText(page, lang === 'es' ? 'Marca 2 para español' : 'Press 2 for Spanish');
  const emergency = page.getByRole('link', { name: lang === 'es' ? 'Llamar al 911' : 'Call 911' });
  expect(await emergency.getAttribute('href'), 'The emergency number is not a tel: link to 911').toBe(
    'tel:911',
  );
}

const reachOutJourneys: Journey[] = [
  {
    name: 'reach-out: Carlos taps Pedir ayuda ya, Brianna sees it live and says she is calling, he sees it live',
    run: async (c: C) => {
      const leader = await open(c, 'en');
      await signIn(leader.page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await leader.page.getByRole('button', { name: 'Reach out now' }).waitFor();

      const asker = await open(c, 'es');
      // Even before signing in, the crisis line is at the foot of the screen.
      await asker.page.goto(`${c.server.url}/sign-in`);
      await asker.page.getByRole('link', { name: 'Llamar al 988' }).waitFor();
      await checkPage(asker.page, 'sign-in with the crisis line (es)');
      await signIn(asker.page, c.server.url, c.house.carlos.username, c.house.carlos.password, 'es');
      // One tap, from whatever screen he is on.
      await asker.page.getByRole('button', { name: 'Pedir ayuda ya' }).click();
      await asker.page.getByRole('heading', { level: 1, name: 'Pedir ayuda ya' }).waitFor();
      await waitForText(asker.page, 'Las personas de guardia ya lo saben. Alguien te llamará pronto.');
      await waitForText(asker.page, /Avisamos a \d+ personas? de guardia/);
      await expectCrisisLines(asker.page, 'es');
      await checkPage(asker.page, 'reach out, alert sent (es)');
      // A second tap while it is open is the same alert, not another one.
      await asker.page.getByRole('button', { name: 'Pedir ayuda ya' }).click();
      await waitForText(asker.page, 'Esperando a que alguien responda…');

      // Brianna did not reload: the alert appears on the screen she has open.
      await waitForText(leader.page, `Carlos M. from ${c.house.name} is reaching out.`);
      await checkPage(leader.page, 'someone is reaching out, on any screen (en)');
      await leader.page.getByRole('button', { name: /^I’m calling Carlos M\.$/ }).click();
      await waitForText(leader.page, 'You said you are calling. Thank you.');

      await waitForText(asker.page, 'Brianna D. te está llamando');
      await checkPage(asker.page, 'reach out, someone is calling (es)');
      await asker.page.getByRole('button', { name: 'Ya estoy bien' }).click();
      await waitForText(asker.page, 'Qué bueno que estás bien.');
      // He offers to be on call for his housemates too.
      await asker.page
        .getByRole('checkbox', {
          name: 'Estoy disponible para que me llamen cuando alguien de mi casa pida ayuda',
        })
        .check();
      await waitForText(asker.page, 'Gracias. Estás de guardia para tu casa.');
      await checkPage(asker.page, 'reach out, available to be called (es)');

      // The record afterwards, for the peer leader: who asked, when, who answered — no words.
      await leader.page.goto(`${c.server.url}/reach-out`);
      await leader.page.getByRole('link', { name: `Past reach-outs in ${c.house.name}` }).click();
      await leader.page.getByRole('heading', { level: 1, name: `Reach-outs in ${c.house.name}` }).waitFor();
      await waitForText(leader.page, 'Carlos M. reached out');
      await waitForText(leader.page, /Answered by Brianna D\./);
      await checkPage(leader.page, 'reach-out record (en)');
      noProblems(leader.problems);
      noProblems(asker.problems);
    },
  },
  {
    name: 'reach-out: nobody in the house answers in time, so it reaches a peer leader of another house',
    run: async (c: C) => {
      // The admin opens Cedar House and invites Dana as its peer leader (through the API, as the screens
      // for that are covered by the foundation journeys).
      const admin = await open(c, 'es');
      await signIn(admin.page, c.server.url, ADMIN.username, ADMIN.password, 'es');
      // Earlier journeys may have set the admin's own language to English, which their account keeps.
      await admin.page.getByRole('heading', { level: 1, name: /^(Residencias|Residences)$/ }).waitFor();
      const house = await admin.page.request.post(`${c.server.url}/api/residences`, {
        data: {
          name: 'Cedar House',
          address: '9 Cedar Ln',
          timeZone: 'America/Chicago',
          bedCapacity: 6,
          narrLevel: 2,
          programFocus: ['men'],
        },
      });
      expect(house.status(), `Opening Cedar House answered ${house.status()}`).toBe(201);
      const invitation = await admin.page.request.post(`${c.server.url}/api/invitations`, {
        data: { role: 'peer_leader', residenceId: (await house.json()).id },
      });
      expect(invitation.status(), `Inviting Dana answered ${invitation.status()}`).toBe(201);
      const { code } = await invitation.json();

      const next = await open(c, 'en');
      const accepted = await next.page.request.post(`${c.server.url}/api/invitations/code/${code}/accept`, {
        data: {
          firstName: 'Dana',
          lastName: 'Reyes',
          username: 'dana-cedar',
          password: 'dana-password-1',
          language: 'en',
        },
      });
      expect(accepted.status(), `Dana's account answered ${accepted.status()}`).toBe(201);
      await next.page.goto(`${c.server.url}/`);
      await next.page.getByRole('button', { name: 'Reach out now' }).waitFor();

      // Brianna reaches out; Carlos (on call now) does not answer.
      const asker = await open(c, 'en');
      await signIn(asker.page, c.server.url, c.house.brianna.username, c.house.brianna.password);
      await asker.page.getByRole('button', { name: 'Reach out now' }).click();
      await asker.page.getByRole('heading', { level: 1, name: 'Reach out now' }).waitFor();
      await waitForText(asker.page, 'The people on call for you know. Someone will call you soon.');
      await waitForText(asker.page, /\d+ (person|people) on call (was|were) told\./);
      await waitForText(asker.page, 'Waiting for someone to answer…');
      await expectCrisisLines(asker.page, 'en');
      await checkPage(asker.page, 'reach out, waiting (en)');

      // After the configured seconds, the next circle hears, and Brianna sees that it went further.
      await waitForText(asker.page, /Nobody had answered yet, so we also told \d+ more peer leaders?\./);
      await waitForText(next.page, `Brianna D. from ${c.house.name} is reaching out.`);
      await next.page.getByRole('link', { name: 'Open' }).first().click();
      await next.page.getByRole('heading', { level: 1, name: 'Brianna D. is reaching out' }).waitFor();
      await waitForText(next.page, 'Nobody in their house answered in time, so this reached you.');
      await checkPage(next.page, 'an alert that reached the next circle (en)');
      await next.page.getByRole('button', { name: 'I’m calling you' }).click();
      await waitForText(next.page, 'You said you are calling. Thank you.');

      await waitForText(asker.page, 'Dana R. is calling you');
      await asker.page.getByRole('button', { name: 'I’m okay now' }).click();
      await waitForText(asker.page, 'Glad you are okay.');
      await waitForText(next.page, 'Brianna D. said they are okay now.');
      await checkPage(next.page, 'an alert closed (en)');
      noProblems(admin.problems);
      noProblems(next.problems);
      noProblems(asker.problems);
    },
  },
];

/**
 * The second journey starts where the first left Carlos: on call for his house. When nobody answers in
 * time an alert reaches every house's peer leaders, so these journeys have a Hearth of their own: no
 * other journey's peer leader is told, and they run beside the others.
 */
test.describe
  .serial('reach out now, in one house and then beyond it', () => {
    const chain = new Chain<C>();
    for (const j of reachOutJourneys) chain.add(j.name, j.run);
    let hearth: Hearth;
    let world: World;
    let house: House;
    test.beforeAll(async () => {
      hearth = await startHearth();
      await setUpOrganization(hearth.url, hearth.setupLink!);
      world = await World.open(hearth.url);
      house = await world.newHouse();
    });
    test.afterAll(async () => {
      await world?.close();
      await hearth?.stop();
    });
    for (const name of chain.names)
      test(name, async ({ ctx }) => {
        await chain.run(name, { ...ctx, server: { url: hearth.url }, house });
      });
  });
