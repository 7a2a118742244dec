// The frame and screens a person sees first after signing in, each loaded on its own (router.tsx) and
// fetched early — while the sign-in form waits for its person, and as soon as the signed-in frame is up —
// so signing in, and reaching out, then wait for no code.
import type { QueryClient } from '@tanstack/react-query';
import { checkInApi } from '../../shared/contracts/check-ins.ts';
import type { Me } from '../../shared/contracts/people.ts';
import { queryFor } from './api.ts';
import { allWords } from './i18n/index.ts';
import { hasHouseRole } from './session.ts';
/** A screen's code, once all the words of the language in use are here too (i18n/index.ts). */
export const withAllWords = async <T>(code: Promise<T>): Promise<T> =>
  (await Promise.all([code, allWords()]))[0];
export const signedInShell = () => withAllWords(import('./layout.tsx'));
export const todayScreen = () => import('../features/journey/today-page.tsx');
export const checkInScreen = () => import('../features/check-ins/check-in-page.tsx');
export const reachOutScreen = () => import('../features/reach-out/reach-out-page.tsx');

/** Starts fetching them (the browser keeps them; importing twice costs nothing). */
export function prefetchFirstScreens(): void {
  void signedInShell();
  void todayScreen();
  void checkInScreen();
  void reachOutScreen();
}

/**
 * Asks, as soon as someone has signed in, for what Today needs before it is usable (today's check-in),
 * beside the navigation rather than after it: one round trip less on a weak connection.
 */
export function prefetchFirstAnswers(queryClient: QueryClient, me: Me): void {
  if (hasHouseRole(me)) void queryClient.prefetchQuery(queryFor(checkInApi.today));
}
