// The sign-in screen written into the page itself, for a phone that is not signed in: on weak signal the
// app's code takes seconds to arrive, but the form is usable as soon as the page is. It is a plain HTML
// form that signs in without any script (POST /api/auth/sign-in/form answers with a redirect); when the
// app's code arrives it draws the same screen in its place, keeping what the person typed (decision 0034).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import {
  FIRST_SCREEN_WORDS,
  type FirstScreenProblem,
  isFirstScreenProblem,
} from '../../shared/domain/first-screen-words.ts';
import type { Language } from '../../shared/domain/vocabulary.ts';

/** Where the server's form goes in the built index.html; the app draws over it. */
const ROOT = '<div id="root"></div>';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The language the browser asks for first, of the two Hearth speaks (English when neither). */
export function languageOfRequest(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { base: tag.toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((l) => l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { base } of ranked) {
    if (base === 'es') return 'es';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** The problem a sign-in sent by the form came back with, from `?problem=`, when it is one we know. */
export function problemOfQuery(query: unknown): FirstScreenProblem | null {
  const problem = query && typeof query === 'object' ? (query as Record<string, unknown>).problem : null;
  return isFirstScreenProblem(problem) ? problem : null;
}

/** The markup of the public frame and the sign-in form, as the app's sign-in screen draws them. */
export function signInMarkup(language: Language, problem: FirstScreenProblem | null): string {
  const w = FIRST_SCREEN_WORDS[language];
  const e = escapeHtml;
  const problemHtml = problem
    ? `<div class="notice notice-error" role="alert"><p>${e(w.problems[problem])}</p></div>`
    : '';
  return [
    `<div id="first-screen" data-first-screen="sign-in">`,
    `<a class="skip-link" href="#main">${e(w.skipToContent)}</a>`,
    `<header class="app-header"><div class="header-row"><a href="/sign-in" class="brand">Hearth</a></div></header>`,
    `<main id="main" tabindex="-1" class="app-main"><div class="page">`,
    `<h1 tabindex="-1">${e(w.title)}</h1><p class="intro">${e(w.intro)}</p>`,
    `<form class="form card" method="post" action="/api/auth/sign-in/form">`,
    problemHtml,
    `<div class="field"><label for="first-login">${e(w.login)}</label>`,
    `<input id="first-login" name="login" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="200" /></div>`,
    `<div class="field"><label for="first-password">${e(w.password)}</label>`,
    `<input id="first-password" name="password" type="password" autocomplete="current-password" maxlength="200" /></div>`,
    `<button type="submit" class="button">${e(w.submit)}</button>`,
    `</form>`,
    `<ul class="link-list"><li><a href="/reset-password">${e(w.haveResetCode)}</a></li>`,
    `<li><a href="/invite">${e(w.haveInvitation)}</a></li></ul>`,
    `</div></main></div>`,
  ].join('');
}

export type FirstScreenPage = { html: string; br: Buffer; gzip: Buffer };

/**
 * index.html with the sign-in screen in it, made once per language and problem (a handful of pages),
 * with its compressed copies.
 */
export function firstScreenPages(
  indexHtml: string,
): (language: Language, problem: FirstScreenProblem | null) => FirstScreenPage | null {
  if (!indexHtml.includes(ROOT)) return () => null;
  const made = new Map<string, FirstScreenPage>();
  return (language, problem) => {
    const key = `${language}:${problem ?? ''}`;
    let page = made.get(key);
    if (!page) {
      const html = indexHtml
        .replace(/<html lang="[^"]*"/, `<html lang="${language}"`)
        .replace(
          /<title>[^<]*<\/title>/,
          `<title>${escapeHtml(FIRST_SCREEN_WORDS[language].title)} · Hearth</title>`,
        )
        .replace(ROOT, `<div id="root">${signInMarkup(language, problem)}</div>`);
      page = {
        html,
        br: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        gzip: gzipSync(html, { level: 9 }),
      };
      made.set(key, page);
    }
    return page;
  };
}
