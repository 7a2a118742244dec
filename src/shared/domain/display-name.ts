import type { NameStyle } from './vocabulary.ts';

/** The name peers see. A last name is never shown in full. */
export function formatDisplayName(firstName: string, lastName: string, style: NameStyle): string {
  const first = firstName.trim();
  const lastInitial = lastName.trim().charAt(0).toUpperCase();
  switch (style) {
    case 'first_only':
      return first;
    case 'initials':
      return `${first.charAt(0).toUpperCase()}.${lastInitial ? ` ${lastInitial}.` : ''}`;
    default:
      return lastInitial ? `${first} ${lastInitial}.` : first;
  }
}
