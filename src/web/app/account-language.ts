// Which language the signed-in screens speak: the one the person chose on a screen before signing in
// (then saved to their profile), else the one saved on their account.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { meApi } from '../../shared/contracts/people.ts';
import type { Language } from '../../shared/domain/vocabulary.ts';
import { call } from './api.ts';
import { forgetScreenChoice, screenChoice, switchLanguage } from './i18n/index.ts';
import { meQueryKey } from './session.ts';

/** Saves a language to the signed-in person's profile, and the answer as who they are. */
export function useSaveLanguage() {
  const queryClient = useQueryClient();
  return (language: Language): Promise<void> =>
    call(meApi.updateProfile, { body: { language } }).then(
      (me) => {
        queryClient.setQueryData(meQueryKey, me);
      },
      // Still switched on this screen; the account keeps its language until the next choice.
      () => {},
    );
}

/** Follows the account's saved language, unless the person just chose another one on the screen. */
export function useAccountLanguage(saved: Language | undefined): void {
  const save = useSaveLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the saved language is known or changes
  useEffect(() => {
    if (!saved) return;
    const chosen = screenChoice();
    if (chosen && chosen !== saved) {
      void switchLanguage(chosen);
      void save(chosen).then(() => {
        if (screenChoice() === chosen) forgetScreenChoice();
      });
      return;
    }
    forgetScreenChoice();
    void switchLanguage(saved);
  }, [saved]);
}
