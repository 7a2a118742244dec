import { describe, expect, it } from 'vitest';
import { parseChannel } from '../../../shared/domain/channels.ts';
import { inChannels } from './channels.ts';
import { isAllowedOrigin } from './routes.ts';

const ORG = '0b5d1f0e-7a59-4c1b-9d1e-6f2c1a3b4c5d';
const HOUSE = '1c6e2a1f-8b6a-4d2c-ae2f-7a3d2b4c5d6e';
const OTHER_HOUSE = '2d7f3b2a-9c7b-4e3d-bf3a-8b4e3c5d6e7f';

describe('parseChannel', () => {
  it('should read organization, house and person channels, ids in lower case', () => {
    expect(parseChannel(`house:${HOUSE.toUpperCase()}`)).toEqual({ kind: 'house', id: HOUSE });
    expect(parseChannel(`organization:${ORG}`)).toEqual({ kind: 'organization', id: ORG });
    expect(parseChannel(`person:${ORG}`)).toEqual({ kind: 'person', id: ORG });
  });

  it('should refuse anything else: unknown kinds, ids that are not uuids, extra parts', () => {
    for (const name of [
      'town:square',
      `house:${HOUSE}:x`,
      'house:',
      'house:123',
      HOUSE,
      '',
      `room:${HOUSE}`,
    ]) {
      expect(parseChannel(name), name).toBeNull();
    }
  });
});

describe('inChannels', () => {
  const event = { organizationId: ORG, residenceId: HOUSE };

  it('should let everything through when no channel was asked for', () => {
    expect(inChannels(new Set(), event)).toBe(true);
  });

  it("should keep a house's events for its channel and drop another house's", () => {
    expect(inChannels(new Set([`house:${HOUSE}`]), event)).toBe(true);
    expect(inChannels(new Set([`house:${OTHER_HOUSE}`]), event)).toBe(false);
    expect(inChannels(new Set([`house:${HOUSE}`]), { organizationId: ORG, residenceId: null })).toBe(false);
  });

  it('should keep everything of the organization, and everything addressed to me for my person channel', () => {
    expect(inChannels(new Set([`organization:${ORG}`]), { organizationId: ORG, residenceId: null })).toBe(
      true,
    );
    expect(inChannels(new Set([`person:${ORG}`]), { organizationId: ORG, residenceId: OTHER_HOUSE })).toBe(
      true,
    );
  });
});

describe('isAllowedOrigin', () => {
  it('should take no Origin (not a browser) and this host, and refuse other sites and "null"', () => {
    expect(isAllowedOrigin(undefined, 'localhost:3000')).toBe(true);
    expect(isAllowedOrigin('http://localhost:3000', 'localhost:3000')).toBe(true);
    expect(isAllowedOrigin('https://evil.example', 'localhost:3000')).toBe(false);
    expect(isAllowedOrigin('http://localhost:3001', 'localhost:3000')).toBe(false);
    expect(isAllowedOrigin('null', 'localhost:3000')).toBe(false);
    expect(isAllowedOrigin('not a url', 'localhost:3000')).toBe(false);
  });

  it('should take the configured public address behind a proxy that changes the Host', () => {
    expect(isAllowedOrigin('https://hearth.example.org', '10.0.0.5:3000', 'https://hearth.example.org')).toBe(
      true,
    );
    expect(isAllowedOrigin('https://other.example.org', '10.0.0.5:3000', 'https://hearth.example.org')).toBe(
      false,
    );
  });
});
