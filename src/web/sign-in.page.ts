import { escapeHtml, renderPage } from './page-layout';

export interface SignInState {
  error?: string;
  notice?: string;
  /** Where to go after signing in (a checked local path). */
  returnTo?: string;
}

/** The sign-in form: works without JavaScript (a plain form post). */
export function renderSignIn(state: SignInState = {}): string {
  const invalid = state.error ? ' aria-invalid="true" aria-describedby="token-error token-hint"' : ' aria-describedby="token-hint"';
  return renderPage({
    title: 'Anmelden',
    main: `<section class="sign-in card" aria-labelledby="sign-in-heading">
<h1 id="sign-in-heading">Anmelden</h1>
<p>Melden Sie sich mit dem Zugangstoken Ihrer Stelle an. Was Sie sehen, richtet sich nach dem Token:
die Koordinierungsstelle sieht alle Regionalstellen, eine Regionalstelle nur ihre eigenen.</p>
${state.notice ? `<p class="notice" role="status">${escapeHtml(state.notice)}</p>` : ''}
<form method="post" action="/web/session" class="stack" novalidate>
${state.returnTo ? `<input type="hidden" name="weiter" value="${escapeHtml(state.returnTo)}">` : ''}
<div class="field">
<label for="token">Zugangstoken</label>
<input id="token" name="token" type="password" autocomplete="off" spellcheck="false" required autofocus${invalid}>
<p id="token-hint" class="hint">Beginnt mit „smt_“. Tokens vergibt der Betrieb über die Kommandozeile.</p>
${state.error ? `<p id="token-error" class="field-error" role="alert"><span aria-hidden="true">✗ </span>${escapeHtml(state.error)}</p>` : ''}
</div>
<button type="submit" class="button-primary">Anmelden</button>
</form>
</section>`,
  });
}
