// Palabras de la app web en español: el diseño de las pantallas con sesión (la navegación de abajo,
// "Más") y lo que cada formulario dice junto a su botón. Las mismas claves que en/layout.ts.
import type { layout as english } from '../en/layout.ts';

export const layout: typeof english = {
  layout: {
    more: 'Más',
    moreLabel: 'Más lugares de Hearth',
    close: 'Cerrar',
    signedInTo: 'Sesión iniciada en {{organization}}',
  },
  formFeedback: {
    chooseOne: 'Elige una opción.',
  },
};
