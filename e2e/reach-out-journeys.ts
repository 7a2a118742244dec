// Browser journeys for reach out now (issue 5, part 6), with two phones at once. Carlos (Spanish) taps
// "Pedir ayuda ya" from the header; Brianna, his peer leader (English), sees it on her screen without
// reloading and says she is calling; he sees that live, with 988 and 911 on his screen the whole time.
// Then Brianna reaches out and nobody in her house answers: after the short escalation time the e2e
// server is started with (REACH_OUT_ESCALATE_SECONDS in harness.ts), it reaches Dana, peer leader of
// another house, who answers. axe-core on every page.
import type { Page } from 'playwright-core';
import { checkAccessibility, expect } from './harness.ts';
import { ADMIN, type Journey, noProblems, open, signIn } from './steps.ts';

const LIVE = { timeout: 30_000 };

async function waitForText(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor(LIVE);
}

/** The crisis lines are on the reach-out screen, from configuration. */
async function expectCrisisLines(page: Page, lang: 'en' | 'es') {
  const call = page.getByRole('link', { name: lang === 'es' ? 'Llamar al 988' : 'Call 988' });
  expect((await call.getAttribute('href')) === 'tel:988', 'The crisis line is not a tel: link to 988');
  const text = page.getByRole('link', { name: lang === 'es' ? 'Escribir al 988' : 'Text 988' });
  expect((await text.getAttribute('href')) === 'sms:988', 'The crisis line is not an sms: link to 988');
  await waitForText(
    page,
    lang === 'es' ? 'marca 1 para la Línea de Crisis para Veteranos' : 'press 1 for the Veterans Crisis Line',
  );
  await waitForText(page, lang === 'es' ? 'Marca 2 para español' : 'Press 2 for Spanish');
  const emergency = page.getByRole('link', { name: lang === 'es' ? 'Llamar al 911' : 'Call 911' });
  expect(
    (await emergency.getAttribute('href')) === 'tel:911',
    'The emergency number is not a tel: link to 911',
  );
}

export const reachOutJourneys: Journey[] = [
  {
    name: 'reach-out: Carlos taps Pedir ayuda ya, Brianna sees it live and says she is calling, he sees it live',
    run: async (ctx) => {
      const leader = await open(ctx, 'en');
      await signIn(leader.page, ctx.server.url, 'brianna', 'brianna-password-1');
      await leader.page.getByRole('button', { name: 'Reach out now' }).waitFor();

      const asker = await open(ctx, 'es');
      // Even before signing in, the crisis line is at the foot of the screen.
      await asker.page.goto(`${ctx.server.url}/sign-in`);
      await asker.page.getByRole('link', { name: 'Llamar al 988' }).waitFor();
      await checkAccessibility(asker.page, 'sign-in with the crisis line (es)');
      await signIn(asker.page, ctx.server.url, 'carlos', 'carlos-password-1', 'es');
      // One tap, from whatever screen he is on.
      await asker.page.getByRole('button', { name: 'Pedir ayuda ya' }).click();
      await asker.page.getByRole('heading', { level: 1, name: 'Pedir ayuda ya' }).waitFor();
      await waitForText(asker.page, 'Las personas de guardia ya lo saben. Alguien te llamará pronto.');
      await waitForText(asker.page, /Avisamos a \d+ personas? de guardia/);
      await expectCrisisLines(asker.page, 'es');
      await checkAccessibility(asker.page, 'reach out, alert sent (es)');
      // A second tap while it is open is the same alert, not another one.
      await asker.page.getByRole('button', { name: 'Pedir ayuda ya' }).click();
      await waitForText(asker.page, 'Esperando a que alguien responda…');

      // Brianna did not reload: the alert appears on the screen she has open.
      await waitForText(leader.page, 'Carlos M. from Maple House is reaching out.');
      await checkAccessibility(leader.page, 'someone is reaching out, on any screen (en)');
      await leader.page.getByRole('button', { name: /^I’m calling Carlos M\.$/ }).click();
      await waitForText(leader.page, 'You said you are calling. Thank you.');

      await waitForText(asker.page, 'Brianna D. te está llamando');
      await checkAccessibility(asker.page, 'reach out, someone is calling (es)');
      await asker.page.getByRole('button', { name: 'Ya estoy bien' }).click();
      await waitForText(asker.page, 'Qué bueno que estás bien.');
      // He offers to be on call for his housemates too.
      await asker.page
        .getByRole('checkbox', {
          name: 'Estoy disponible para que me llamen cuando alguien de mi casa pida ayuda',
        })
        .check();
      await waitForText(asker.page, 'Gracias. Estás de guardia para tu casa.');
      await checkAccessibility(asker.page, 'reach out, available to be called (es)');

      // The record afterwards, for the peer leader: who asked, when, who answered — no words.
      await leader.page.goto(`${ctx.server.url}/reach-out`);
      await leader.page.getByRole('link', { name: 'Past reach-outs in Maple House' }).click();
      await leader.page.getByRole('heading', { level: 1, name: 'Reach-outs in Maple House' }).waitFor();
      await waitForText(leader.page, 'Carlos M. reached out');
      await waitForText(leader.page, /Answered by Brianna D\./);
      await checkAccessibility(leader.page, 'reach-out record (en)');
      noProblems(leader.problems);
      noProblems(asker.problems);
    },
  },
  {
    name: 'reach-out: nobody in the house answers in time, so it reaches a peer leader of another house',
    run: async (ctx) => {
      // The admin opens Cedar House and invites Dana as its peer leader (through the API, as the screens
      // for that are covered by the foundation journeys).
      const admin = await open(ctx, 'es');
      await signIn(admin.page, ctx.server.url, ADMIN.username, ADMIN.password, 'es');
      // Earlier journeys may have set the admin's own language to English, which their account keeps.
      await admin.page.getByRole('heading', { level: 1, name: /^(Residencias|Residences)$/ }).waitFor();
      const house = await admin.page.request.post(`${ctx.server.url}/api/residences`, {
        data: {
          name: 'Cedar House',
          address: '9 Cedar Ln',
          timeZone: 'America/Chicago',
          bedCapacity: 6,
          narrLevel: 2,
          programFocus: ['men'],
        },
      });
      expect(house.status() === 201, `Opening Cedar House answered ${house.status()}`);
      const invitation = await admin.page.request.post(`${ctx.server.url}/api/invitations`, {
        data: { role: 'peer_leader', residenceId: (await house.json()).id },
      });
      expect(invitation.status() === 201, `Inviting Dana answered ${invitation.status()}`);
      const { code } = await invitation.json();

      const next = await open(ctx, 'en');
      const accepted = await next.page.request.post(`${ctx.server.url}/api/invitations/code/${code}/accept`, {
        data: {
          firstName: 'Dana',
          lastName: 'Reyes',
          username: 'dana-cedar',
          password: 'dana-password-1',
          language: 'en',
        },
      });
      expect(accepted.status() === 201, `Dana's account answered ${accepted.status()}`);
      await next.page.goto(`${ctx.server.url}/`);
      await next.page.getByRole('button', { name: 'Reach out now' }).waitFor();

      // Brianna reaches out; Carlos (on call now) does not answer.
      const asker = await open(ctx, 'en');
      await signIn(asker.page, ctx.server.url, 'brianna', 'brianna-password-1');
      await asker.page.getByRole('button', { name: 'Reach out now' }).click();
      await asker.page.getByRole('heading', { level: 1, name: 'Reach out now' }).waitFor();
      await waitForText(asker.page, 'The people on call for you know. Someone will call you soon.');
      await waitForText(asker.page, /\d+ (person|people) on call (was|were) told\./);
      await waitForText(asker.page, 'Waiting for someone to answer…');
      await expectCrisisLines(asker.page, 'en');
      await checkAccessibility(asker.page, 'reach out, waiting (en)');

      // After the configured seconds, the next circle hears, and Brianna sees that it went further.
      await waitForText(asker.page, /Nobody had answered yet, so we also told \d+ more peer leaders?\./);
      await waitForText(next.page, 'Brianna D. from Maple House is reaching out.');
      await next.page.getByRole('link', { name: 'Open' }).first().click();
      await next.page.getByRole('heading', { level: 1, name: 'Brianna D. is reaching out' }).waitFor();
      await waitForText(next.page, 'Nobody in their house answered in time, so this reached you.');
      await checkAccessibility(next.page, 'an alert that reached the next circle (en)');
      await next.page.getByRole('button', { name: 'I’m calling you' }).click();
      await waitForText(next.page, 'You said you are calling. Thank you.');

      await waitForText(asker.page, 'Dana R. is calling you');
      await asker.page.getByRole('button', { name: 'I’m okay now' }).click();
      await waitForText(asker.page, 'Glad you are okay.');
      await waitForText(next.page, 'Brianna D. said they are okay now.');
      await checkAccessibility(next.page, 'an alert closed (en)');
      noProblems(admin.problems);
      noProblems(next.problems);
      noProblems(asker.problems);
    },
  },
];
