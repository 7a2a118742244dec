// What a push says on a phone's lock screen, in the person's language. Deliberately without names or
// texts: anyone near a phone can read its lock screen, so it says only what kind of thing happened and
// the app shows the rest once the person opens it. Every kind has words in both languages (the compiler
// checks it); a stored kind no longer sent gets the plain fallback.
import type { NotificationKind } from '../../../shared/domain/notifications.ts';

type Words = { title: string; body: string };
type Language = 'en' | 'es';

const WORDS: Record<Language, Record<NotificationKind, Words>> = {
  en: {
    support_offer: { title: 'Someone can help', body: 'A peer offered to help with your request.' },
    support_accepted: { title: 'Your offer was accepted', body: 'Open Hearth to settle the details.' },
    support_helped: { title: 'You made a difference', body: 'Someone said your help helped.' },
    support_request: { title: 'A peer is asking for help', body: 'Open Hearth to see if you can help.' },
    support_offer_withdrawn: { title: 'An offer changed', body: 'Open Hearth to see your request.' },
    support_withdrawn: { title: 'A request was withdrawn', body: 'Thank you for offering to help.' },
    support_expired: { title: 'Your request has ended', body: 'You can ask again any time.' },
    skill_session: { title: 'Skills session news', body: 'Open Hearth to see what changed.' },
    reach_out_alert: { title: 'Someone is reaching out', body: 'A peer needs someone now. Open Hearth.' },
    reach_out_ack: { title: 'Someone is calling you', body: 'A peer saw your alert and is on the way.' },
    reach_out_escalated: { title: 'More people are alerted', body: 'We asked more peers to reach you.' },
    chat_message: { title: 'New message', body: 'Open Hearth to read it.' },
    mentor_request: { title: 'A mentor suggestion', body: 'Someone would like to walk alongside you.' },
    mentor_accepted: {
      title: 'Mentorship accepted',
      body: 'You are now connected. Open Hearth to say hello.',
    },
    skill_match: { title: 'A skills match', body: 'Someone shares a skill you listed.' },
    congratulations: { title: 'Congratulations', body: 'Someone is celebrating with you.' },
    milestone_reached: { title: 'A milestone today', body: 'You reached a milestone. Well done.' },
    meeting_reminder: { title: 'House meeting soon', body: 'Your house meets soon.' },
    signal: { title: 'Someone may need you', body: 'Someone in your house could use a check-in.' },
  },
  es: {
    support_offer: { title: 'Alguien puede ayudar', body: 'Un compañero ofreció ayuda con tu pedido.' },
    support_accepted: { title: 'Aceptaron tu ayuda', body: 'Abre Hearth para acordar los detalles.' },
    support_helped: { title: 'Hiciste una diferencia', body: 'Alguien dijo que tu ayuda le sirvió.' },
    support_request: { title: 'Un compañero pide ayuda', body: 'Abre Hearth para ver si puedes ayudar.' },
    support_offer_withdrawn: { title: 'Cambió una oferta', body: 'Abre Hearth para ver tu pedido.' },
    support_withdrawn: { title: 'Retiraron un pedido', body: 'Gracias por ofrecer tu ayuda.' },
    support_expired: { title: 'Tu pedido terminó', body: 'Puedes pedir de nuevo cuando quieras.' },
    skill_session: { title: 'Novedades de tu sesión', body: 'Abre Hearth para ver qué cambió.' },
    reach_out_alert: {
      title: 'Alguien busca apoyo',
      body: 'Un compañero necesita a alguien ahora. Abre Hearth.',
    },
    reach_out_ack: { title: 'Alguien te va a llamar', body: 'Un compañero vio tu alerta y viene en camino.' },
    reach_out_escalated: {
      title: 'Avisamos a más personas',
      body: 'Pedimos a más compañeros que te busquen.',
    },
    chat_message: { title: 'Mensaje nuevo', body: 'Abre Hearth para leerlo.' },
    mentor_request: { title: 'Una sugerencia de mentor', body: 'Alguien quiere acompañarte en el camino.' },
    mentor_accepted: { title: 'Mentoría aceptada', body: 'Ya están conectados. Abre Hearth para saludar.' },
    skill_match: {
      title: 'Coincidencia de habilidades',
      body: 'Alguien comparte una habilidad de tu lista.',
    },
    congratulations: { title: 'Felicidades', body: 'Alguien celebra contigo.' },
    milestone_reached: { title: 'Un logro hoy', body: 'Llegaste a un logro. ¡Bien hecho!' },
    meeting_reminder: { title: 'Reunión de la casa pronto', body: 'Tu casa se reúne pronto.' },
    signal: {
      title: 'Alguien te puede necesitar',
      body: 'A alguien de tu casa le vendría bien que lo busques.',
    },
  },
};

const FALLBACK: Record<Language, Words> = {
  en: { title: 'Hearth', body: 'Something new is waiting for you.' },
  es: { title: 'Hearth', body: 'Hay algo nuevo para ti.' },
};

/** An alert whose news changed replaces what the phone shows: the person is okay now, or it was closed. */
const RESOLVED: Record<Language, Record<'okay' | 'closed', Words>> = {
  en: {
    okay: { title: 'They are okay now', body: 'The person who reached out says they are okay now.' },
    closed: { title: 'Alert closed', body: 'Someone answered. Nothing more is needed now.' },
  },
  es: {
    okay: { title: 'Ya está bien', body: 'La persona que buscó apoyo dice que ya está bien.' },
    closed: { title: 'Alerta cerrada', body: 'Alguien respondió. Ya no hace falta nada más.' },
  },
};

/** The words for a notification as it stands now (a resolved alert says so). */
export function pushWords(kind: string, language: string, data: Record<string, unknown> = {}): Words {
  const lang: Language = language === 'es' ? 'es' : 'en';
  if (data.resolved === 'okay' || data.resolved === 'closed') return RESOLVED[lang][data.resolved];
  return (WORDS[lang] as Record<string, Words | undefined>)[kind] ?? FALLBACK[lang];
}

export function testPushWords(language: string): Words {
  return language === 'es'
    ? { title: 'Hearth', body: 'Así se verán tus avisos en este dispositivo.' }
    : { title: 'Hearth', body: 'This is how your notifications will look on this device.' };
}
