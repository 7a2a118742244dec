// The words of the sign-in screen that the server writes into the page itself (platform/first-screen.ts),
// so a phone on weak signal can sign in before the app's code arrives. The web app's words for the same
// screen are these (i18n/en/account.ts, es/account.ts): one sentence, one place.
const en = {
  skipToContent: 'Skip to main content',
  title: 'Sign in',
  intro: 'Welcome. Sign in with your username or email and your password.',
  login: 'Username or email',
  password: 'Password',
  submit: 'Sign in',
  haveResetCode: 'I have a reset code',
  haveInvitation: 'I have an invitation code',
  /** What a sign-in sent before the app's code arrived can come back with. */
  problems: {
    'auth.sign_in_failed':
      'That username or password did not match. After several tries, sign-in waits a little before the next one.',
    'limits.sign_in':
      'Several tries did not match, so sign-in waits a little before the next one. On a phone you signed in from before, it never waits for tries made elsewhere.',
    'request.invalid': 'Please fill in your username or email and your password.',
    'request.unavailable': 'Hearth cannot reach its records just now. Please try again in a moment.',
  },
};

export const FIRST_SCREEN_WORDS: { en: typeof en; es: typeof en } = {
  en,
  es: {
    skipToContent: 'Saltar al contenido principal',
    title: 'Iniciar sesión',
    intro: 'Te damos la bienvenida. Inicia sesión con tu usuario o correo electrónico y tu contraseña.',
    login: 'Usuario o correo electrónico',
    password: 'Contraseña',
    submit: 'Entrar',
    haveResetCode: 'Tengo un código para cambiar mi contraseña',
    haveInvitation: 'Tengo un código de invitación',
    problems: {
      'auth.sign_in_failed':
        'Ese usuario o esa contraseña no coinciden. Después de varios intentos, el inicio de sesión espera un poco antes del siguiente.',
      'limits.sign_in':
        'Varios intentos no coincidieron, así que el inicio de sesión espera un poco antes del siguiente. En un teléfono desde el que ya iniciaste sesión, nunca espera por intentos hechos desde otro lugar.',
      'request.invalid': 'Escribe tu usuario o correo electrónico y tu contraseña.',
      'request.unavailable':
        'Hearth no puede llegar a sus registros ahora mismo. Inténtalo de nuevo en un momento.',
    },
  },
};

export type FirstScreenProblem = keyof (typeof FIRST_SCREEN_WORDS)['en']['problems'];
export const FIRST_SCREEN_PROBLEMS = Object.keys(FIRST_SCREEN_WORDS.en.problems) as FirstScreenProblem[];
export const isFirstScreenProblem = (text: unknown): text is FirstScreenProblem =>
  typeof text === 'string' && (FIRST_SCREEN_PROBLEMS as string[]).includes(text);
