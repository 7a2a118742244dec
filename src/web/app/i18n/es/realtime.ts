// Palabras en español de la aplicación web: la luz del encabezado que dice si las novedades llegan en vivo.
// Tiene exactamente las mismas claves que en/realtime.ts.
export const realtime = {
  realtime: {
    connecting: 'Conectando…',
    connectingHint: 'Conectando para recibir novedades en vivo.',
    live: 'En vivo',
    liveHint: 'En vivo: lo que hacen tus compañeros de casa aparece aquí al momento.',
    reconnecting: 'Reconectando…',
    reconnectingHint:
      'Se cortó la conexión. Lo intentamos de nuevo; no se pierde nada de lo que te perdiste.',
    offline: 'Sin conexión',
    offlineHint: 'Estás sin conexión. Te pondremos al día con lo que te perdiste cuando vuelvas.',
  },
};
