import { describe, expect, it } from 'vitest';
import { formatDisplayName } from './display-name.ts';

describe('formatDisplayName', () => {
  it('should show the first name and last initial by default', () => {
    expect(formatDisplayName('Ana', 'Alvarez', 'first_last_initial')).toBe('Ana A.');
  });

  it('should show the first name alone when there is no last name', () => {
    expect(formatDisplayName('Ana', '', 'first_last_initial')).toBe('Ana');
    expect(formatDisplayName('Ana', '   ', 'first_last_initial')).toBe('Ana');
  });

  it('should show only the first name with first_only', () => {
    expect(formatDisplayName('Ana', 'Alvarez', 'first_only')).toBe('Ana');
  });

  it('should show initials with initials', () => {
    expect(formatDisplayName('ana', 'alvarez', 'initials')).toBe('A. A.');
    expect(formatDisplayName('Ana', '', 'initials')).toBe('A.');
  });

  it('should trim spaces and upper-case the initial', () => {
    expect(formatDisplayName('  Ben ', ' brooks', 'first_last_initial')).toBe('Ben B.');
  });

  it('should never contain the full last name, whatever the style', () => {
    for (const style of ['first_last_initial', 'first_only', 'initials'] as const) {
      expect(formatDisplayName('Carmen', 'Zephyrine', style)).not.toContain('Zephyrine');
    }
  });

  it('should keep accented and non-Latin first names whole', () => {
    expect(formatDisplayName('Tomás', 'Ñúñez', 'first_last_initial')).toBe('Tomás Ñ.');
  });
});
