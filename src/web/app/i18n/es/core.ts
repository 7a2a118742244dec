// Las palabras en español de la aplicación web: core. Mismas claves que en/core.ts.
import { FIRST_SCREEN_WORDS } from '../../../../shared/domain/first-screen-words.ts';
import type { core as english } from '../en/core.ts';

export const core: typeof english = {
  common: {
    loading: 'Cargando…',
    tryAgain: 'Intentar de nuevo',
    cancel: 'Cancelar',
    copied: 'Copiado.',
    copyFailed: 'No se pudo copiar. Selecciona el texto y cópialo.',
    forPerson: 'para {{name}}',
    backToSignIn: 'Volver a iniciar sesión',
  },
  shell: {
    skipToContent: FIRST_SCREEN_WORDS.es.skipToContent,
    unavailableTitle: 'Hearth no está disponible',
  },
  nav: {
    today: 'Hoy',
    label: 'Menú principal',
    house: 'Mi casa',
    residences: 'Residencias',
    people: 'Personas',
    audit: 'Registro de auditoría',
    me: 'Mi perfil',
    signOut: 'Cerrar sesión',
  },
  limits: {
    tryAgainInSeconds_one: 'Puedes intentarlo de nuevo en {{count}} segundo.',
    tryAgainInSeconds_other: 'Puedes intentarlo de nuevo en {{count}} segundos.',
    tryAgainInMinutes_one: 'Puedes intentarlo de nuevo en {{count}} minuto.',
    tryAgainInMinutes_other: 'Puedes intentarlo de nuevo en {{count}} minutos.',
  },
  errors: {
    network: 'No pudimos conectar con Hearth. Revisa tu conexión e inténtalo de nuevo.',
    tooManyRequests: 'Demasiados intentos en poco tiempo. Espera unos minutos e inténtalo de nuevo.',
    sessionExpired: 'Tu sesión terminó. Por favor, vuelve a iniciar sesión.',
    notSignedIn: 'Primero inicia sesión, por favor.',
    csrf: 'Esta solicitud vino de otro sitio y fue rechazada.',
    tooLarge: 'Es más de lo que Hearth puede recibir de una vez. Por favor, acórtalo.',
    checkFields: 'Por favor, revisa los campos marcados abajo.',
    badRequest: 'Hearth no entendió esa solicitud. Inténtalo de nuevo.',
    forbidden: 'No tienes acceso a esto.',
    notFound: 'No encontramos eso. Puede que lo hayan quitado.',
    internal: 'Algo salió mal de nuestro lado. Quedó registrado; inténtalo de nuevo en un momento.',
    unexpected: 'Pasó algo inesperado. Inténtalo de nuevo.',
  },
  server: {
    isRequired: 'Por favor, completa este campo.',
  },
  notFound: {
    title: 'No encontramos esta página',
    intro: 'Puede que el enlace sea viejo o tenga un error.',
    home: 'Ir a la página de inicio',
  },
  notAllowed: {
    title: 'No disponible para ti',
    intro:
      'Esta página es para quienes administran. Si crees que deberías verla, pregúntale a una persona administradora.',
  },
  crash: {
    title: 'Algo salió mal',
    intro: 'Esta pantalla tuvo un problema. Tu información está a salvo. Volver a cargar suele ayudar.',
    reload: 'Volver a cargar Hearth',
  },
  calendar: {
    years_one: '{{count}} año',
    years_other: '{{count}} años',
    months_one: '{{count}} mes',
    months_other: '{{count}} meses',
    days_one: '{{count}} día',
    days_other: '{{count}} días',
    hours_one: '{{count}} hora',
    hours_other: '{{count}} horas',
    separator: ', ',
  },
  timeZones: {
    eastern: 'Este (Nueva York)',
    central: 'Centro (Chicago)',
    mountain: 'Montaña (Denver)',
    arizona: 'Arizona (Phoenix)',
    pacific: 'Pacífico (Los Ángeles)',
    alaska: 'Alaska (Anchorage)',
    hawaii: 'Hawái (Honolulu)',
    puertoRico: 'Atlántico (Puerto Rico)',
    other: 'Otra zona horaria…',
  },
};
