// Palabras en español de la app web: umbrales de señales de la organización y asignación de consejeros.
// Tiene exactamente las mismas claves que en/signal-settings.ts.
export const signalSettings = {
  signalSettings: {
    nav: 'Señales',
    title: 'Señales de alerta temprana',
    intro:
      'Cuando un registro cruza uno de estos límites, los líderes de pares de la casa de la persona reciben una señal: quién y de qué tipo. Nunca las palabras de la persona.',
    cravingThreshold: 'Un deseo de consumir igual o mayor que',
    cravingThresholdHint:
      'En la escala de 0 a 10 que responden los residentes (10 = el más fuerte). Normalmente 8.',
    lowMoodThreshold: 'Un estado de ánimo igual o menor que',
    lowMoodThresholdHint: '1 = muy bajo, 5 = muy bueno. Normalmente 1.',
    silenceDays: 'Días sin registro',
    silenceDaysHint: 'Se nota a un residente callado después de estos días. Normalmente 3.',
    wholeNumber: '{{field}}: escribe un número entero de {{min}} a {{max}}.',
    save: 'Guardar los umbrales',
    saved: 'Guardado. Desde ahora los registros nuevos se leen con estos umbrales.',
    current:
      'Ahora: deseo de consumir de {{craving}} o más, ánimo de {{mood}} o menos, {{days}} días sin registro.',
  },
  counselors: {
    heading: 'Consejeros y sus residentes',
    intro:
      'Asignar un consejero no comparte nada por sí solo: lo que un consejero puede ver de un residente lo decide el residente.',
    noCounselors: 'Nadie tiene todavía el rol de consejero. Primero dale ese rol a alguien.',
    noResidents: 'Ahora mismo nadie vive en una casa.',
    resident: 'Residente',
    counselor: 'Consejero',
    choose: 'Elige…',
    assign: 'Asignar el consejero',
    assigned: '{{counselor}} es ahora consejero de {{resident}}.',
    currentHeading: 'Asignaciones actuales',
    none: 'Todavía no hay asignaciones.',
    line: '{{resident}} con {{counselor}}',
    since: 'desde el {{date}}',
    end: 'Terminar',
    endFor: 'la asignación de {{resident}} con {{counselor}}',
    ended: 'Terminó la asignación de {{resident}} con {{counselor}}.',
    alreadyEnded: 'La asignación de {{resident}} con {{counselor}} ya había terminado.',
    required: '{{field}}: elige una opción.',
  },
};
