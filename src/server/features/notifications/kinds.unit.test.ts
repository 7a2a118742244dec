// The list of notification kinds binds every sender: a kind missing from it does not compile.
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../../../shared/domain/notifications.ts';
import type { NotifyInput } from '../../platform/notify.ts';

describe('notification kinds', () => {
  it('should not compile a notification of a kind missing from the list', () => {
    const unlisted: NotifyInput = {
      organizationId: 'o',
      personIds: [],
      data: {},
      // @ts-expect-error: every kind sent is one of NOTIFICATION_KINDS, with its words on every screen
      kind: 'a_kind_nobody_knows_yet',
    };
    const listed: NotifyInput = { organizationId: 'o', personIds: [], data: {}, kind: 'support_expired' };
    expect(NOTIFICATION_KINDS).not.toContain(unlisted.kind);
    expect(NOTIFICATION_KINDS).toContain(listed.kind);
  });

  it('should list every kind the areas send', () => {
    for (const kind of [
      'support_request',
      'support_offer_withdrawn',
      'support_withdrawn',
      'support_expired',
      'skill_session',
    ]) {
      expect(NOTIFICATION_KINDS).toContain(kind);
    }
  });
});
