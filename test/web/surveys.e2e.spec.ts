import type { BrowserContext, Page } from 'playwright-core';
import { newSession, screenshot, signIn, startWebTest, type WebTestApp } from './browser';
import { answerWithCode, auth, closeRound, day, openStaffRound, staffAnswer } from '../surveys/survey-fixtures';

/** A phone: the staff member answers on their own device. */
const PHONE = { width: 390, height: 844 };

describe('surveys in the browser (Chromium)', () => {
  let web: WebTestApp;
  let coordination: string;

  beforeAll(async () => {
    web = await startWebTest();
    coordination = await web.t.token('coordination');
  }, 60_000);
  afterAll(() => web?.close());

  describe('a staff member with a code, on a phone', () => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    let code: string;

    beforeAll(async () => {
      const { codes } = await openStaffRound(web.t, coordination, { offices: ['witten'] });
      code = codes.witten[0];
      context = await web.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'de-DE', timezoneId: 'Europe/Berlin', baseURL: web.baseUrl });
      context.setDefaultTimeout(10_000);
      page = await context.newPage();
      errors = [];
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(msg.text());
      });
    });
    afterAll(() => context?.close());
    afterEach(() => expect(errors).toEqual([]));

    it('refuses a mistyped code with a German message at the field', async () => {
      await page.goto('/teilnahme');
      expect(await page.getAttribute('html', 'lang')).toBe('de');
      await page.getByLabel('Ihr Code').fill('ABCD-EFGH-JKMNP');
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('Diesen Code gibt es nicht');
      expect(await page.getByLabel('Ihr Code').getAttribute('aria-invalid')).toBe('true');
    });

    it('answers with the keyboard on a phone-size screen, without sideways scrolling, and is thanked', async () => {
      await page.getByLabel('Ihr Code').fill(code.toLowerCase());
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Befragung der Mitarbeiterinnen und Mitarbeiter', level: 1 }).waitFor();
      expect(await page.locator('.answer-office').textContent()).toBe('Regionalstelle Witten');
      const first = page.getByRole('group', { name: 'Ich weiß genau, was bei meiner Arbeit von mir erwartet wird.' });
      await first.getByLabel('trifft eher zu').check();
      // Keyboard: focus the next group's first option, move with the arrow keys (radio group semantics).
      await page.getByRole('group', { name: 'Ich halte meine Arbeit für sinnvoll.' }).getByLabel('trifft gar nicht zu').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('group', { name: 'Ich halte meine Arbeit für sinnvoll.' }).getByLabel('teils').isChecked()).toBe(true);
      await page.locator('fieldset#w-aufgaben-klar').getByLabel('sehr wichtig').check();
      await page.getByLabel(/Was sollte sich als Erstes ändern/).fill('Mehr Zeit für Gespräche');
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'survey-phone-form', { fullPage: false });
      await page.getByRole('button', { name: 'Antwort absenden' }).click();
      await page.getByRole('heading', { name: 'Vielen Dank!' }).waitFor();
      expect(await page.getByRole('status').textContent()).toContain('anonym gespeichert');
      await screenshot(page, 'survey-phone-thanks', { fullPage: false });
      const [row] = await web.t.dataSource.query("SELECT ratings, importance, comments FROM survey_answer WHERE ratings ? 'aufgaben-sinnvoll'");
      expect(row).toEqual({ ratings: { 'aufgaben-klar': 4, 'aufgaben-sinnvoll': 3 }, importance: { 'aufgaben-klar': 5 }, comments: { 'gesamt-anregungen': 'Mehr Zeit für Gespräche' } });
    });

    it('refuses the same code a second time', async () => {
      await page.goto('/teilnahme');
      await page.getByLabel('Ihr Code').fill(code);
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('Dieser Code wurde bereits verwendet.');
    });
  });

  describe('a customer at the counter tablet', () => {
    it('answers through the office link without signing in, and the next person gets a fresh form', async () => {
      const opened = await web.t.http().post('/api/v1/surveys/rounds').set(auth(coordination)).send({ questionnaireId: 'kundinnen-und-kunden', offices: ['hattingen'], from: day(), to: day(10) }).expect(201);
      const link = opened.body.round.offices[0].linkPath as string;
      const { context, page, errors } = await newSession(web);
      await page.goto(link);
      await page.getByRole('heading', { name: 'Ihre Meinung zu unserem Service' }).waitFor();
      await page.getByRole('group', { name: 'Man war freundlich zu mir.' }).getByLabel('sehr zufrieden').check();
      await page.getByRole('button', { name: 'Antwort absenden' }).click();
      await page.getByRole('heading', { name: 'Vielen Dank!' }).waitFor();
      await page.getByRole('button', { name: 'Nächste Person: neue Befragung starten' }).click();
      await page.getByRole('group', { name: 'Man war freundlich zu mir.' }).getByRole('radio', { name: 'zufrieden', exact: true }).check();
      await page.getByRole('button', { name: 'Antwort absenden' }).click();
      await page.getByRole('heading', { name: 'Vielen Dank!' }).waitFor();
      expect(await web.t.dataSource.query('SELECT count(*)::int AS n FROM survey_answer WHERE office_id = $1', ['hattingen'])).toEqual([{ n: 2 }]);
      expect(errors).toEqual([]);
      await context.close();
    });
  });

  describe('the coordination office', () => {
    let session: { context: BrowserContext; page: Page; errors: string[] };
    let page: Page;

    beforeAll(async () => {
      session = await newSession(web);
      page = session.page;
      await signIn(page, coordination);
    });
    afterAll(() => session?.context.close());
    afterEach(() => expect(session?.errors ?? []).toEqual([]));

    it('opens a staff round in the page and gets the code sheet to print once', async () => {
      await page.goto('/befragungen');
      await page.getByRole('heading', { name: 'Befragung eröffnen' }).waitFor();
      await page.getByLabel('Fragebogen').selectOption('mitarbeitende');
      await page.getByLabel('Titel (freiwillig)').fill('Mitarbeiterbefragung Test');
      await page.getByLabel('Einmal-Codes je Regionalstelle').fill('6');
      for (const name of ['Hattingen', 'Herdecke', 'Wetter (Ruhr)', 'Schwelm', 'Ennepetal', 'Breckerfeld', 'Gevelsberg', 'Sprockhövel']) await page.getByRole('checkbox', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).uncheck();
      await page.getByRole('button', { name: 'Befragung eröffnen' }).click();
      await page.getByRole('heading', { name: 'Eröffnet: Mitarbeiterbefragung Test' }).waitFor();
      expect(await page.locator('.opened .warning-box').textContent()).toContain('nur jetzt angezeigt');
      await page.getByRole('button', { name: 'Codebogen Witten drucken' }).waitFor();
      expect(await page.locator('#round-table').textContent()).toContain('Mitarbeiterbefragung Test');
      await screenshot(page, 'survey-opened');
      // The sheet to cut: printed alone, six cards with distinct codes and the address to answer at.
      await page.getByRole('button', { name: 'Codebogen Witten drucken' }).click();
      await page.emulateMedia({ media: 'print' });
      const cards = page.locator('#print-area .code-card .code-value');
      expect(await cards.count()).toBe(6);
      expect(new Set(await cards.allTextContents()).size).toBe(6);
      expect(await page.locator('#print-area .code-card').first().textContent()).toContain('/teilnahme');
      expect(await page.locator('main').isVisible()).toBe(false);
      await screenshot(page, 'survey-code-sheet-print');
      await page.emulateMedia({ media: 'screen' });
    });

    it('shows a field error in the form when the period is the wrong way round', async () => {
      await page.getByLabel('Erster Tag').fill(day(5));
      await page.getByLabel('Letzter Tag').fill(day(1));
      await page.getByRole('button', { name: 'Befragung eröffnen' }).click();
      await page.locator('#round-to-error').waitFor();
      expect(await page.locator('#round-to-error').textContent()).toContain('darf nicht vor dem ersten Tag der Befragung liegen');
      expect(await page.getByLabel('Letzter Tag').getAttribute('aria-invalid')).toBe('true');
    });

    it('sees the results with the largest gap first, a chart per field, hidden small groups, and creates an action from the largest gap', async () => {
      const { round, codes } = await openStaffRound(web.t, coordination, { offices: ['witten', 'hattingen', 'herdecke'], codesPerOffice: 8, title: 'Runde mit Ergebnissen' });
      for (let k = 0; k < 6; k++) await answerWithCode(web.t, codes.witten[k], staffAnswer({ bedingungen: [2, 5], vorgesetzte: [3, 4], aufgaben: [4, 4] }, `Hinweis ${k}`));
      for (let k = 0; k < 3; k++) await answerWithCode(web.t, codes.hattingen[k], staffAnswer({ bedingungen: [2, 5] }));
      for (let k = 0; k < 2; k++) await answerWithCode(web.t, codes.herdecke[k], staffAnswer({ bedingungen: [2, 5] }));
      await closeRound(web.t, coordination, round.id);
      await page.goto('/befragungen');
      await page.getByRole('link', { name: 'Runde mit Ergebnissen' }).click();
      await page.locator('#ranking').waitFor();
      const first = page.locator('#ranking tbody tr').first();
      expect(await first.getAttribute('data-field')).toBe('bedingungen');
      expect(await first.textContent()).toContain('Arbeitsplatz und Technik');
      expect(await first.locator('.gap').textContent()).toBe('+3,00');
      expect(await page.locator('section[data-field="bedingungen"] svg.survey-chart title').textContent()).toContain('Arbeitsplatz und Technik');
      expect(await page.locator('#actions-unavailable').count()).toBe(0);
      await screenshot(page, 'survey-results');
      await page.getByLabel('Gruppe').selectOption('hattingen');
      await page.locator('.hidden-group').waitFor();
      expect(await page.locator('.hidden-group').textContent()).toContain('Zu wenige Antworten');
      expect(await page.getByRole('button', { name: /Maßnahme anlegen/ }).count()).toBe(0);
      await page.getByLabel('Gruppe').selectOption('witten');
      expect(await page.locator('.comments').textContent()).toContain('Hinweis 0');
      // The largest gap of the district becomes a corrective action with one click.
      await page.getByLabel('Gruppe').selectOption('district');
      await page.locator('#ranking tbody tr').first().getByRole('button', { name: 'Maßnahme anlegen (Arbeitsplatz und Technik)' }).click();
      await page.locator('#action-status .notice').waitFor();
      expect(await page.locator('#action-status .notice').textContent()).toContain('Maßnahme angelegt: Befragung: Arbeitsplatz und Technik (Kreis, Lücke 3,00)');
      const [created] = await web.t.dataSource.query(`SELECT source, office_id, survey_field_id, status, responsible_side FROM corrective_action WHERE survey_round_id = $1`, [round.id]);
      expect(created).toEqual({ source: 'survey', office_id: null, survey_field_id: 'bedingungen', status: 'open', responsible_side: 'coordination' });
      await screenshot(page, 'survey-action-created');
      // A second click on the same gap (after a reload) is refused with a German message, and nothing is written.
      await page.reload();
      await page.locator('#ranking').waitFor();
      await page.getByLabel('Gruppe').selectOption('district');
      await page.locator('#ranking tbody tr').first().getByRole('button', { name: /Maßnahme anlegen/ }).click();
      await page.locator('#action-status .error-box').waitFor();
      expect(await page.locator('#action-status .error-box').textContent()).toContain('bereits eine offene Maßnahme');
      expect(await web.t.count('corrective_action')).toBe(1);
      await page.getByRole('link', { name: 'Maßnahmenplan' }).first().click();
      await page.locator('section.plan-field').first().waitFor();
      const firstField = page.locator('section.plan-field').first();
      expect(await firstField.getAttribute('data-field')).toBe('bedingungen');
      expect(await firstField.locator('tr.plan-action').count()).toBe(1);
      expect(await firstField.locator('.plan-status').textContent()).toBe('offen');
      expect(await firstField.locator('.plan-responsible').textContent()).toBe('Koordinierungsstelle');
      expect(await firstField.locator('.plan-due').textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
      expect(await page.locator('#actions-unavailable').count()).toBe(0);
      await screenshot(page, 'survey-action-plan');
      // The action is one of the coordination office's actions, with its source, in the same panel as audit actions.
      await firstField.getByRole('link', { name: /Befragung: Arbeitsplatz und Technik/ }).click();
      const item = page.locator('#open-actions .action-item[data-source="survey"]');
      await item.waitFor();
      expect(await item.locator('h4').textContent()).toBe('Befragung: Arbeitsplatz und Technik (Kreis, Lücke 3,00)');
      expect(await item.textContent()).toContain('Quelle: Befragung „Runde mit Ergebnissen“');
      expect(await item.getByLabel('Geplante Maßnahme').count()).toBe(1);
    });

    it('keeps another office out of a round that does not concern it', async () => {
      const { round } = await openStaffRound(web.t, coordination, { offices: ['hattingen'] });
      const witten = await web.t.token('regional', ['witten']);
      const other = await newSession(web);
      await signIn(other.page, witten);
      const res = await other.page.goto(`/befragungen/${round.id}`);
      expect(res?.status()).toBe(403);
      expect(await other.page.content()).not.toContain('Mitarbeiterinnen und Mitarbeiter,');
      await other.context.close();
    });
  });
});
