// Palabras en español de la app web: el día del líder de pares en Hoy (quién puede necesitarle, por persona).
// Las mismas claves que en/signals.ts.
export const signals = {
  leaderDay: {
    heading: 'Quién te puede necesitar',
    headingHouse: 'Quién te puede necesitar en {{house}}',
    privacy: 'Ves quién y qué tipo de aviso — nunca las palabras de nadie.',
    nothing: 'Nadie te espera ahora mismo. Todas las personas que pidieron apoyo fueron escuchadas.',
    nothingNew: 'Nada nuevo desde la última vez que miraste.',
    new_one: '{{count}} persona nueva desde la última vez que miraste',
    new_other: '{{count}} personas nuevas desde la última vez que miraste',
    newBadge: 'Nuevo',
    earlier_one: 'Antes ({{count}} persona)',
    earlier_other: 'Antes ({{count}} personas)',
    kindTimes_one: '{{kind}}',
    kindTimes_other: '{{kind}} ({{count}} veces)',
    latest: 'Último aviso: {{time}}',
    seen: 'Ya lo vi',
    noted: 'Anotado: ya viste el aviso de {{name}}.',
    undo: 'Deshacer',
    undoFor: 'Deshacer para {{name}}',
    undone: 'Deshecho: {{name}} vuelve a tu lista.',
    fullView: 'La vista completa de la casa, con notas',
    onToday: 'Quién te puede necesitar está en Hoy, por persona.',
    openToday: 'Ver quién te puede necesitar',
  },
};
