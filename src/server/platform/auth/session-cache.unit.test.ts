import { describe, expect, it, vi } from 'vitest';
import { SessionCache, type SessionLookup } from './sessions.ts';

const active = (personId: string, organizationId = 'org'): Extract<SessionLookup, { state: 'active' }> => ({
  state: 'active',
  lastSeenAt: new Date(),
  actor: {
    personId,
    organizationId,
    sessionId: `s-${personId}`,
    language: 'en',
    timeZone: 'UTC',
    thresholds: { craving: 8, lowMood: 1 },
    memberships: [],
  },
});

describe('SessionCache', () => {
  it('should remember nothing until it can hear about changes', () => {
    const cache = new SessionCache(60_000);
    cache.set('t1', active('p1'), cache.stamp());
    expect(cache.get('t1')).toBeNull();
    cache.setListening(true);
    const lookup = active('p1');
    cache.set('t1', lookup, cache.stamp());
    expect(cache.get('t1')).toEqual(lookup);
  });

  it('should forget everything when it stops hearing about changes', () => {
    const cache = new SessionCache(60_000);
    cache.setListening(true);
    cache.set('t1', active('p1'), cache.stamp());
    cache.setListening(false);
    expect(cache.size).toBe(0);
    cache.setListening(true);
    expect(cache.get('t1')).toBeNull();
  });

  it("should forget one person's sessions and keep everyone else's", () => {
    const cache = new SessionCache(60_000);
    cache.setListening(true);
    cache.set('t1', active('p1'), cache.stamp());
    cache.set('t2', active('p1'), cache.stamp());
    cache.set('t3', active('p2'), cache.stamp());
    cache.forgetPerson('p1');
    expect(cache.get('t1')).toBeNull();
    expect(cache.get('t2')).toBeNull();
    expect(cache.get('t3')).not.toBeNull();
  });

  it('should drop the oldest entry beyond its size', () => {
    const cache = new SessionCache(60_000, 2);
    cache.setListening(true);
    cache.set('t1', active('p1'), cache.stamp());
    cache.set('t2', active('p2'), cache.stamp());
    cache.set('t3', active('p3'), cache.stamp());
    expect(cache.size).toBe(2);
    expect(cache.get('t1')).toBeNull();
    expect(cache.get('t3')).not.toBeNull();
  });

  it('should not keep a lookup that began before a change was announced', () => {
    const cache = new SessionCache(60_000);
    cache.setListening(true);
    const stamp = cache.stamp();
    cache.forgetPerson('p1');
    cache.set('t1', active('p1'), stamp);
    expect(cache.get('t1')).toBeNull();
  });

  it('should be off with a time-to-live of 0', () => {
    const cache = new SessionCache(0);
    cache.setListening(true);
    cache.set('t1', active('p1'), cache.stamp());
    expect(cache.get('t1')).toBeNull();
  });

  it('should forget every session of an organization whose settings changed, and only those', () => {
    const cache = new SessionCache(60_000);
    cache.setListening(true);
    cache.set('a1', active('p1', 'org-a'), cache.stamp());
    cache.set('a2', active('p2', 'org-a'), cache.stamp());
    cache.set('b1', active('p3', 'org-b'), cache.stamp());
    const stamp = cache.stamp();
    cache.forgetOrganization('org-a');
    expect(cache.get('a1')).toBeNull();
    expect(cache.get('a2')).toBeNull();
    expect(cache.get('b1')?.state).toBe('active');
    // A lookup begun before the change is not kept.
    cache.set('a1', active('p1', 'org-a'), stamp);
    expect(cache.get('a1')).toBeNull();
  });

  it('should forget a lookup when one of its roles starts or ends, though nobody announces it', () => {
    vi.useFakeTimers();
    try {
      const cache = new SessionCache(60_000);
      cache.setListening(true);
      const movingOut = { ...active('p1'), rolesChangeAt: new Date(Date.now() + 5_000) };
      cache.set('t1', movingOut, cache.stamp());
      cache.set('t2', { ...active('p2'), rolesChangeAt: null }, cache.stamp());
      vi.advanceTimersByTime(4_999);
      expect(cache.get('t1')).toEqual(movingOut);
      vi.advanceTimersByTime(1);
      expect(cache.get('t1')).toBeNull();
      expect(cache.get('t2')).not.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
