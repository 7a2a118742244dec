// Las palabras en español de cada motivo por el que el servidor puede rechazar algo, por área.
// Mismas claves que en/reasons.ts.
import { FIRST_SCREEN_WORDS } from '../../../../shared/domain/first-screen-words.ts';

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
      unavailable: FIRST_SCREEN_WORDS.es.problems['request.unavailable'],
    },
    limits: {
      sign_in: FIRST_SCREEN_WORDS.es.problems['limits.sign_in'],
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
      sign_in_failed: FIRST_SCREEN_WORDS.es.problems['auth.sign_in_failed'],
      reset_code_invalid:
        'Ese código no funcionó con ese usuario. Revisa ambos o pide un código nuevo a tu líder de pares.',
    },
    barc10: {
      // The barc10 area: las mismas claves que en inglés.
    },
    calendars: {
      // The calendars area: las mismas claves que en inglés.
      residence_required: 'Elige la casa de este calendario.',
      residence_not_for_person: 'Un calendario personal no es de una sola casa. Vuelve a cargar la página.',
      residence_for_staff:
        'La dirección del calendario de una casa es para sus líderes de pares y la administración.',
      too_many_addresses: 'Ya tienes 10 direcciones de calendario. Quita primero una que ya no uses.',
    },
    chat: {
      // The chat area: las mismas claves que en inglés.
      own_message: 'Este es tu propio mensaje, así que no hay nada que reportar.',
      not_reported: 'Solo se puede ocultar un mensaje que alguien reportó.',
      name_already_shown: 'Tu nombre ya se muestra aquí.',
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
      not_recorder: 'Solo quien preside, quien toma el acta o el líder de pares registra esto.',
      not_in_progress: 'Los compromisos y las votaciones se registran mientras la reunión está en curso.',
      not_house_member: 'Elige a alguien que viva en esta casa o la lidere ahora.',
      not_an_item_of_meeting:
        'Ese punto no está en el orden del día de esta reunión. Vuelve a cargar la página.',
      already_done: 'Este compromiso ya está marcado como hecho.',
      not_helper: 'Solo quien ayuda, o el líder de pares, lo marca como hecho.',
      house_decides_without_votes: 'Esta casa eligió no decidir por votación en sus reuniones.',
      vote_closed: 'Esta votación está cerrada.',
      already_voted: 'Ya votaste en esta moción. Tu voto se mantiene.',
      not_present: 'Solo pueden votar quienes están presentes en la reunión. Marca tu asistencia primero.',
      minutes_not_published: 'El acta se publica cuando termina la reunión.',
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
      future_recovery_date:
        'Una fecha de recuperación no puede estar en el futuro. Elige hoy o un día anterior.',
      same_start: 'Tu periodo actual ya empieza ese día, así que no hacía falta cambiar nada.',
      start_before_current:
        'Un nuevo comienzo va después de tu fecha de inicio actual ({{date}}). Elige un día posterior.',
      own_milestone: 'Este logro es tuyo para disfrutarlo; las felicitaciones vienen de tus compañeros.',
    },
    meetings: {
      // The meetings area: las mismas claves que en inglés.
      rrule_invalid: 'Elige una repetición que Hearth pueda seguir, como cada semana el domingo.',
      search_for_members: 'Buscar en las actas es solo para quienes forman parte de la casa.',
      series_ended: 'Este horario ya terminó, así que no se puede cambiar.',
      not_house_member: 'Elige a alguien que viva en esta casa o la lidere ahora.',
      chair_is_secretary: 'Quien toma el acta tiene que ser otra persona, no quien preside.',
      roles_of_past_meeting: 'Quien presidió y quien tomó el acta de una reunión pasada quedan como estaban.',
      start_only_upcoming: 'Esta reunión ya empezó, o ya terminó.',
      close_only_in_progress: 'Solo se puede cerrar una reunión en curso. Empiézala primero.',
      cancel_only_upcoming: 'Solo se puede cancelar una reunión que todavía no empezó.',
      attendance_self_present: 'Puedes marcarte presente; quien toma el acta marca a los demás.',
      attendance_during_meeting:
        'La asistencia se toma mientras la reunión está en curso. Antes de que empiece, puedes avisar a la casa que no podrás venir.',
      meeting_over: 'Esta reunión ya terminó. Agrégalo a la próxima, por favor.',
      agenda_of_past_meeting: 'El orden del día de una reunión pasada queda como estaba.',
      order_every_item:
        'El orden del día cambió mientras lo ordenabas. Vuelve a cargar la página e inténtalo de nuevo.',
      minutes_during_meeting: 'El acta se escribe mientras la reunión está en curso.',
      reword_before_meeting: 'Un punto se puede cambiar hasta que empiece la reunión.',
      standing_item_stays: 'Los puntos fijos y los seguimientos se quedan en el orden del día.',
    },
    memberships: {
      // The memberships area: las mismas claves que en inglés.
    },
    mentors: {
      // The mentors area: las mismas claves que en inglés.
      mentor_or_mentee: 'Elige a un mentor a quien pedírselo o a un compañero a quien ofrecerte como mentor.',
      is_you: 'Esa persona eres tú. Una mentoría es entre tú y otra persona.',
      for_residents: 'Pedir un mentor es para quienes viven ahora en una casa.',
      not_open: 'Ahora no está aceptando a nadie para acompañar como mentor.',
      not_further_along:
        'Un mentor es alguien con más camino recorrido en la recuperación que tú, según lo que te comparte.',
      mentee_is_alumni: 'Ya dejó su casa; la mentoría se ofrece a quienes viven ahora en una casa.',
      not_newer:
        'Puedes ofrecerte como mentor de alguien con menos camino recorrido que tú, según lo que te comparte.',
      already_paired: 'Ustedes dos ya tienen una mentoría o una solicitud abierta.',
      request_answered: 'Esta solicitud cambió mientras tanto. La lista ya está al día.',
      already_over: 'Esta mentoría ya terminó. La lista ya está al día.',
      answer_is_theirs: 'La persona a quien se lo pediste es quien responde tu solicitud.',
      log_closed: 'El registro está cerrado: esta mentoría terminó.',
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
      row_not_object: 'esta fila no es una reunión',
      row_required: 'falta',
      row_slug_format: 'debe tener hasta 64 letras, números o guiones',
      row_unstorable: 'tiene caracteres que Hearth no puede guardar',
      row_not_text: 'debe ser texto',
      row_too_long: 'tiene más de {{maximum}} caracteres',
      row_day_format: 'debe ser un día del 0 al 6 (el domingo es 0), o una lista de ellos',
      row_time_format: 'debe ser una hora como 19:30',
      row_time_required: 'falta, y una reunión con día necesita una hora',
      row_time_zone: 'debe ser una zona horaria como America/Chicago',
      row_repeated_slug: 'es igual que en la fila {{row}}',
      row_types_not_list: 'no era una lista, así que no se guardó ningún tipo',
      row_type_online: 'ONL ya no se usa; las reuniones en línea se reconocen por su enlace',
      row_type_unknown: '{{code}} no es un tipo de Meeting Guide, así que se dejó fuera',
      row_text_left_out: 'no era texto, así que se dejó fuera',
      row_text_shortened: 'tenía más de {{maximum}} caracteres, así que se acortó',
      row_link_left_out: 'no era una dirección web, así que se dejó fuera',
      not_plain_text: 'Usa texto simple aquí, sin HTML.',
      unknown_type: 'Elige uno de los tipos de reunión de la lista.',
      repeated_day: 'Elige cada día una sola vez.',
      time_required: 'Agrega una hora para los días que elegiste.',
      nothing_to_change: 'No se cambió nada.',
      name_required: 'Escribe el nombre de la reunión, ya que no está en la lista.',
      address_or_file: 'Da la dirección web del listado o un archivo, no los dos.',
      online_needs_place:
        'Las aplicaciones que buscan reuniones necesitan un lugar para cada reunión: indica una ciudad y estado, o una región.',
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
      alert_closed: 'Esta alerta ya está cerrada: la persona dijo que ya está bien.',
      not_on_call:
        'Estar disponible para que te llamen es para quienes viven en una casa o la dirigen. Tú sí puedes pedir ayuda.',
      not_answered: 'Solo quien pidió ayuda, o alguien que dijo que está llamando, puede cerrar esta alerta.',
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
      note_required: 'Escribe unas palabras sobre lo que hiciste, por favor.',
      already_acknowledged: 'Este aviso ya fue atendido; su nota queda en la historia.',
      nothing_open: 'Alguien ya tomó nota de los avisos de esta persona.',
      undo_too_late: 'Ya es tarde para deshacer esto. Queda anotado, con su historia.',
      undo_not_yours: 'Solo quien lo anotó puede deshacerlo.',
    },
    skills: {
      // The skills area: las mismas claves que en inglés.
      label_needed: 'Por favor, di cuál habilidad, con tus propias palabras.',
      label_only_for_other: 'Tus propias palabras son solo para una habilidad que no está en la lista.',
      already_listed: 'Esa habilidad ya está en tu lista.',
      own_listing: 'Esa es una de tus propias habilidades.',
      session_already_planned: 'Ustedes dos ya tienen una sesión planeada para esta habilidad.',
      session_changed: 'Esta sesión cambió mientras tanto. La lista ya está al día.',
      session_proposed_by_you: 'Tú propusiste esta sesión, así que la otra persona es quien la acepta.',
      session_not_accepted: 'La otra persona todavía no ha aceptado esta sesión.',
    },
    support: {
      // The support area: las mismas claves que en inglés.
      not_peer: 'Pedir y dar apoyo es para residentes, líderes de pares y exresidentes.',
      no_house: 'Necesitas una casa actual para este público.',
      no_program: 'Tu casa todavía no es parte de un programa. Elige tu casa o tu organización.',
      own_post: 'Esta es tu propia publicación, así que no puedes responderla.',
      closed: 'Esto ya no está abierto.',
      offer_withdrawn: 'Esta oferta fue retirada, así que no se puede aceptar.',
      not_author: 'Solo quien lo publicó puede hacer eso.',
      not_accepted: 'Solo una oferta aceptada se puede marcar como ayuda.',
      not_receiver: 'Solo la persona ayudada lo marca como ayuda.',
      not_responder: 'Solo quien se ofreció puede retirar esta oferta.',
    },
  },
};
