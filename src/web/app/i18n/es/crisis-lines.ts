// Las líneas de crisis que se ven en cada pantalla: pocas palabras, en la primera descarga de la app.
export const crisisLines = {
  crisisLines: {
    footerLead: '¿Necesitas hablar con alguien ahora?',
    crisisHeading: 'Habla con alguien ahora',
    crisisIntro:
      'Gratis y confidencial, a cualquier hora del día o de la noche. También para el alcohol y las drogas.',
    callLine: 'Llamar al {{number}}',
    textLine: 'Escribir al {{number}}',
    veterans: 'Cuando contesten, marca {{key}} para la Línea de Crisis para Veteranos.',
    spanish: 'Marca {{key}} para español.',
    emergency: '¿Estás en peligro ahora? Llama al {{number}}.',
  },
};
