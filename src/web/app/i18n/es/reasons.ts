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
      sign_in_failed:
        'Ese usuario o esa contraseña no coinciden. Después de varios intentos, el inicio de sesión espera un poco antes del siguiente.',
      reset_code_invalid:
        'Ese código no funcionó con ese usuario. Revisa ambos o pide un código nuevo a tu líder de pares.',
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
      not_a_counselor: 'Elige a alguien que sea consejero/a aquí, por favor.',
      not_a_resident: 'Elige a alguien que viva ahora en una de las casas, por favor.',
      already_assigned: 'Este consejero/a ya trabaja con esta persona residente.',
      already_ended: 'Esta asignación ya terminó.',
    },
    decisions: {
      // The decisions area: las mismas claves que en inglés.
    },
    invitations: {
      // The invitations area: las mismas claves que en inglés.
      code_not_found: 'No encontramos ese código de invitación. Revísalo o pide uno nuevo.',
      already_used: 'Esta invitación ya se usó. Si no fuiste tú, pide una nueva, por favor.',
      withdrawn: 'Esta invitación fue retirada. Pide una nueva a quien te invitó, por favor.',
      expired: 'Esta invitación venció. Pide una nueva a quien te invitó, por favor.',
    },
    journey: {
      // The journey area: las mismas claves que en inglés.
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
    },
    outside_meetings: {
      // The outside meetings area: las mismas claves que en inglés.
    },
    people: {
      // The people area: las mismas claves que en inglés.
      username_taken: 'Ese usuario ya existe. Elige otro, por favor.',
      residence_required: 'Elige una residencia para el rol de {{role}}.',
      residence_not_allowed: 'El rol de {{role}} no va ligado a una residencia.',
      unknown_residence: 'Elige una residencia, por favor.',
      no_free_bed:
        'Esta casa no tiene camas libres. Registra la salida de alguien o aumenta el número de camas.',
      already_lives_in_house: 'Esta persona ya vive en una casa. Primero registra su salida.',
      already_has_role: 'Esta persona ya tiene el rol de {{role}}.',
      role_already_ended: 'Este rol ya terminó.',
      end_before_start: 'Esta fecha no puede ser anterior a la fecha de inicio.',
      own_admin_role:
        'No puedes quitarte tu propio rol de administración. Pídeselo a otra persona administradora.',
    },
    programs: {
      // The programs area: las mismas claves que en inglés.
    },
    reach_out: {
      // The reach out area: las mismas claves que en inglés.
    },
    realtime: {
      // Los rechazos de la conexión en vivo (shared/contracts/realtime.ts), uno por línea.
      cross_site: 'Esta conexión vino de otro sitio y fue rechazada.',
      too_many_channels: 'Hearth no pudo seguir tantas novedades a la vez. Vuelve a cargar la página.',
      unknown_channel: 'Hearth no pudo seguir esas novedades. Vuelve a cargar la página.',
      not_a_websocket: 'Hearth no pudo abrir su conexión en vivo. Vuelve a cargar la página.',
    },
    residences: {
      // The residences area: las mismas claves que en inglés.
      unknown_program: 'Uno de los programas ya no existe. Vuelve a cargar la página.',
    },
    setup: {
      // The setup area: las mismas claves que en inglés.
      not_available: 'Hearth ya está configurado. Inicia sesión, por favor.',
      link_invalid:
        'Ese enlace de configuración no es válido. Usa el enlace más reciente que Hearth mostró al iniciar.',
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
