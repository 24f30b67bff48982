import { html, nothing, type TemplateResult } from 'lit';
import { localize, type LocalizedText } from '@thutuc/runtime';
import { strings, type Lang } from '../i18n.js';

export interface SignInView {
  lang: Lang;
  busy: boolean;
  error: LocalizedText | undefined;
  notice: string | undefined;
  onSubmit(username: string, password: string): void;
}

/** The sign-in form: a plain form, so password managers and the Enter key work as usual. */
export function renderSignIn(v: SignInView): TemplateResult {
  const s = strings(v.lang);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    v.onSubmit(String(data.get('username') ?? '').trim(), String(data.get('password') ?? ''));
  };
  return html`<section class="panel" aria-labelledby="sign-in-title">
    <h1 id="sign-in-title" tabindex="-1">${s.signInTitle}</h1>
    ${v.notice ? html`<p class="notice">${v.notice}</p>` : nothing}
    ${v.error ? html`<p class="notice problem" role="alert" id="sign-in-error"><span class="visually-hidden">${s.errorPrefix} </span>${localize(v.error, v.lang)}</p>` : nothing}
    <form @submit=${submit} novalidate>
      <div class="field">
        <label for="username">${s.username}</label>
        <input id="username" name="username" type="text" autocomplete="username" required autocapitalize="none" spellcheck="false"
          aria-invalid=${v.error ? 'true' : 'false'} aria-describedby=${v.error ? 'sign-in-error' : nothing} />
      </div>
      <div class="field">
        <label for="password">${s.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required
          aria-invalid=${v.error ? 'true' : 'false'} aria-describedby=${v.error ? 'sign-in-error' : nothing} />
      </div>
      <button type="submit" ?disabled=${v.busy}>${v.busy ? s.signingIn : s.signIn}</button>
    </form>
  </section>`;
}
