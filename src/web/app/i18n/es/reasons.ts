// Las palabras en español de cada motivo por el que el servidor puede rechazar algo, por área.
// Mismas claves que en/reasons.ts.
import type { reasons as english } from '../en/reasons.ts';

export const reasons: typeof english = {
  reasons: {
    request: {
      invalid: 'Por favor, revisa los campos marcados abajo.',
      invalid_json: 'Hearth no entendió esa solicitud. Inténtalo de nuevo.',
      empty_body: 'Hearth no entendió esa solicitud. Inténtalo de nuevo.',
      not_understood: 'Hearth no entendió esa solicitud. Inténtalo de nuevo.',
      csrf_rejected: 'Esta solicitud vino de otro sitio y fue rechazada.',
      not_signed_in: 'Primero inicia sesión, por favor.',
      session_expired: 'Tu sesión terminó. Por favor, vuelve a iniciar sesión.',
      forbidden: 'No tienes acceso a esto.',
      not_found: 'No encontramos eso. Puede que lo hayan quitado.',
      too_large: 'Es más de lo que Hearth puede recibir de una vez. Por favor, acórtalo.',
      not_json: 'Hearth no entendió esa solicitud. Inténtalo de nuevo.',
      internal: 'Algo salió mal de nuestro lado. Quedó registrado; inténtalo de nuevo en un momento.',
      unavailable: 'Hearth no puede llegar a sus registros ahora mismo. Inténtalo de nuevo en un momento.',
    },
    limits: {
      sign_in:
        'Varios intentos no coincidieron, así que el inicio de sesión espera un poco antes del siguiente. En un teléfono desde el que ya iniciaste sesión, nunca espera por intentos hechos desde otro lugar.',
      chat_message: 'Estás enviando mensajes muy rápido. Espera un momento y vuelve a enviar.',
      support_post:
        'Publicaste muchas solicitudes y ofertas en la última hora, y cada una llega a todas las personas a quienes va dirigida. Espera un poco antes de publicar otra.',
      invitation: 'Son muchas invitaciones en poco tiempo. Espera un poco y sigue.',
      invitation_code:
        'Se probaron muchos códigos de invitación desde aquí en poco tiempo. Espera unos minutos e inténtalo de nuevo.',
      reach_out_alert:
        'Ya se avisó varias veces a tu gente en los últimos minutos. Si necesitas ayuda ahora mismo, llama o escribe a la línea de crisis de abajo, o llama al número de emergencias.',
    },
    field: {
      required: 'Por favor, completa este campo.',
      unknown: 'Hearth no conoce este campo. Vuelve a cargar la página, por favor.',
      wrong_type: 'Esto no es válido.',
      too_short: 'Usa al menos {{minimum}} caracteres, por favor.',
      too_long: 'Usa {{maximum}} caracteres como máximo, por favor.',
      too_small: 'Escribe {{minimum}} o más, por favor.',
      too_big: 'Escribe {{maximum}} o menos, por favor.',
      too_few: 'Elige al menos {{minimum}}, por favor.',
      too_many: 'Elige {{maximum}} como máximo, por favor.',
      not_whole: 'Escribe un número entero, por favor.',
      not_an_option: 'Elige una de las opciones, por favor.',
      not_a_date: 'Escribe una fecha, por favor.',
      not_a_time: 'Escribe una fecha y una hora, por favor.',
      not_an_id: 'Esto no es válido. Vuelve a cargar la página, por favor.',
      not_an_email: 'Escribe un correo electrónico, como nombre@ejemplo.org.',
      not_a_url: 'Escribe una dirección web, como https://ejemplo.org.',
      time_zone: 'Escribe el nombre de una zona horaria, como America/Chicago.',
      years: 'Elige una fecha entre los años 1900 y 2200, por favor.',
      characters: 'Usa solo los caracteres que este campo permite, por favor.',
      unstorable: 'Tiene un carácter que Hearth no puede guardar. Vuelve a escribirlo, por favor.',
      invalid: 'Esto no es válido.',
    },
    audit: {
      // The audit area: las mismas claves que en inglés.
    },
    auth: {
      // The auth area: las mismas claves que en inglés.
    },
    barc10: {
      // The barc10 area: las mismas claves que en inglés.
    },
    calendars: {
      // The calendars area: las mismas claves que en inglés.
    },
    chat: {
      // The chat area: las mismas claves que en inglés.
    },
    check_in: {
      // The check in area: las mismas claves que en inglés.
      local_date_out_of_range:
        'Un check-in guardado en el teléfono solo se puede guardar para hoy o para ayer.',
      day_already_has_one: 'Ese día ya tiene un check-in, así que este no se volvió a guardar.',
      already_today: 'Ya hiciste tu check-in de hoy. Puedes cambiar el de hoy en su lugar.',
      only_today: 'Solo se puede cambiar el check-in de hoy.',
    },
    counselor_assignments: {
      // The counselor assignments area: las mismas claves que en inglés.
    },
    decisions: {
      // The decisions area: las mismas claves que en inglés.
    },
    invitations: {
      // The invitations area: las mismas claves que en inglés.
    },
    journey: {
      // The journey area: las mismas claves que en inglés.
      future_recovery_date:
        'Una fecha de recuperación no puede estar en el futuro. Elige hoy o un día anterior.',
      same_start: 'Tu periodo actual ya empieza ese día, así que no hacía falta cambiar nada.',
      start_before_current:
        'Un nuevo comienzo va después de tu fecha de inicio actual ({{date}}). Elige un día posterior.',
      own_milestone: 'Este logro es tuyo para disfrutarlo; las felicitaciones vienen de tus compañeros.',
    },
    meetings: {
      // The meetings area: las mismas claves que en inglés.
    },
    memberships: {
      // The memberships area: las mismas claves que en inglés.
    },
    mentors: {
      // The mentors area: las mismas claves que en inglés.
    },
    notifications: {
      // The notifications area: las mismas claves que en inglés.
      quiet_hours_incomplete: 'Las horas de silencio necesitan un inicio y un final.',
      quiet_hours_same: 'Las horas de silencio deben terminar a otra hora distinta de la de inicio.',
      endpoint_not_https:
        'Este navegador ofreció una dirección de avisos que Hearth no puede usar. Prueba con otro navegador.',
      endpoint_private:
        'Este navegador ofreció una dirección de avisos en una red privada, y Hearth no envía allí. Prueba con otro navegador.',
    },
    outside_meetings: {
      // The outside meetings area: las mismas claves que en inglés.
      not_plain_text: 'Usa texto simple aquí, sin HTML.',
      unknown_type: 'Elige uno de los tipos de reunión de la lista.',
      repeated_day: 'Elige cada día una sola vez.',
      time_required: 'Agrega una hora para los días que elegiste.',
      nothing_to_change: 'No se cambió nada.',
      name_required: 'Escribe el nombre de la reunión, ya que no está en la lista.',
      address_or_file: 'Da la dirección web del listado o un archivo, no los dos.',
      attended_in_future: 'Una reunión a la que fuiste no puede estar en el futuro.',
      attended_too_long_ago: 'Puedes anotar reuniones de hasta {{days}} días atrás.',
      unknown_meeting: 'Esa reunión ya no está en el directorio. Elígela de nuevo.',
      feed_not_http: 'Escribe una dirección web que empiece con https://.',
      feed_not_found: 'Hearth no encontró esa dirección. Revísala, por favor.',
      feed_private_address: 'Esa dirección está en una red privada, y Hearth no importa desde allí.',
      feed_unreachable: 'Hearth no pudo llegar a esa dirección. Inténtalo más tarde.',
      feed_timeout: 'Esa dirección no respondió en 10 segundos. Inténtalo más tarde.',
      feed_incomplete: 'El listado se cortó antes de terminar. Inténtalo de nuevo.',
      feed_unreadable: 'Hearth no pudo leer un listado en esa dirección.',
      feed_too_large: 'El listado pesa más de 5 MB, más de lo que Hearth recibe de una vez.',
      feed_not_json: 'Esto no es un listado de Meeting Guide (no es JSON).',
      feed_not_a_list: 'Esto no es un listado de Meeting Guide: debería ser una lista de reuniones.',
    },
    people: {
      // The people area: las mismas claves que en inglés.
    },
    programs: {
      // The programs area: las mismas claves que en inglés.
    },
    reach_out: {
      // The reach out area: las mismas claves que en inglés.
    },
    residences: {
      // The residences area: las mismas claves que en inglés.
    },
    setup: {
      // The setup area: las mismas claves que en inglés.
    },
    signals: {
      // The signals area: las mismas claves que en inglés.
    },
    skills: {
      // The skills area: las mismas claves que en inglés.
    },
    support: {
      // The support area: las mismas claves que en inglés.
    },
  },
};
