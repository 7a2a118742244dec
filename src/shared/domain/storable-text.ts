// Text PostgreSQL cannot store: a NUL character (text and jsonb reject it) or half of a surrogate pair
// (jsonb rejects it; text would silently get U+FFFD instead). Found in any value, keys included, for
// the request pipeline and for imported feeds alike (decision 0024).

export type UnstorableField = { field: string; reason: 'field.unstorable'; message: string };

const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';
const SURROGATE_MESSAGE = 'must not contain half of a surrogate pair (broken Unicode)';

function problemWith(text: string): string | null {
  if (text.includes('\u0000')) return NUL_MESSAGE;
  if (!text.isWellFormed()) return SURROGATE_MESSAGE;
  return null;
}
type Place = { key: string | number; parent: Place | null };

/**
 * A field's name as the validation errors write it (items.0.title: its path inside the body, query or
 * path, without naming which), with any odd character escaped.
 */
function fieldName(place: Place): string {
  const parts: string[] = [];
  for (let here: Place | null = place; here?.parent; here = here.parent) {
    parts.unshift(typeof here.key === 'number' ? String(here.key) : JSON.stringify(here.key).slice(1, -1));
  }
  return parts.join('.');
}

/** Every string in `value` (or key) that PostgreSQL cannot store, without recursion (bodies may nest deeply). */
export function unstorableText(part: string, value: unknown, limit = 20): UnstorableField[] {
  const found: UnstorableField[] = [];
  const stack: { value: unknown; place: Place }[] = [{ value, place: { key: part, parent: null } }];
  while (stack.length > 0 && found.length < limit) {
    const { value: here, place } = stack.pop() as { value: unknown; place: Place };
    if (typeof here === 'string') {
      const message = problemWith(here);
      if (message) found.push({ field: fieldName(place), reason: 'field.unstorable', message });
    } else if (Array.isArray(here)) {
      for (let i = here.length - 1; i >= 0; i--)
        stack.push({ value: here[i], place: { key: i, parent: place } });
    } else if (here !== null && typeof here === 'object') {
      const keys = Object.keys(here);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const child = { key, parent: place };
        const message = problemWith(key);
        if (message)
          found.push({
            field: fieldName(child),
            reason: 'field.unstorable',
            message: `has a name that ${message}`,
          });
        else stack.push({ value: (here as Record<string, unknown>)[key], place: child });
      }
    }
  }
  return found;
}
