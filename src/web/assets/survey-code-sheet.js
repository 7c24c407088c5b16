// @ts-check
import { clear, el } from './dom.js';

// Printable A4 sheets: one-time codes to cut out (staff surveys) and a poster with the QR code of
// an office's public link (customer surveys). The codes exist only in this browser window: the
// service keeps their hashes, so the sheet is built here and printed or saved as CSV right away.

const CARDS_PER_PAGE = 24;

/**
 * @param {{ roundTitle: string, officeName: string, codes: string[], answerUrl: string }} sheet
 */
export function codeSheet({ roundTitle, officeName, codes, answerUrl }) {
  const pages = [];
  for (let start = 0; start < codes.length; start += CARDS_PER_PAGE) {
    pages.push(
      el(
        'section',
        { class: 'code-page' },
        el('p', { class: 'code-page-head' }, `${roundTitle} · Regionalstelle ${officeName} · Bitte entlang der Linien ausschneiden, je Person ein Code.`),
        el(
          'ul',
          { class: 'code-cards' },
          codes.slice(start, start + CARDS_PER_PAGE).map((code) =>
            el(
              'li',
              { class: 'code-card' },
              el('span', { class: 'code-card-title' }, `Befragung · ${officeName}`),
              el('span', { class: 'code-value' }, code),
              el('span', { class: 'code-card-url' }, answerUrl),
              el('span', { class: 'code-card-note' }, 'Anonym · gilt für eine Antwort'),
            ),
          ),
        ),
      ),
    );
  }
  return el('div', { class: 'code-sheet', 'data-office': officeName }, pages);
}

/**
 * @param {string} roundTitle
 * @param {Array<{ officeName: string, codes: string[] }>} offices
 * @param {string} answerUrl
 */
export function codesCsvText(roundTitle, offices, answerUrl) {
  const cell = (/** @type {string} */ v) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [['Regionalstelle', 'Befragung', 'Code', 'Adresse zum Antworten'].join(';')];
  for (const o of offices) for (const code of o.codes) lines.push([o.officeName, roundTitle, code, answerUrl].map(cell).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * A poster for the counter: the office, the QR code and the address of its public form.
 * @param {{ roundTitle: string, officeName: string, url: string, qrSrc: string }} poster
 */
export function linkPoster({ roundTitle, officeName, url, qrSrc }) {
  return el(
    'section',
    { class: 'link-poster' },
    el('h2', {}, 'Ihre Meinung ist uns wichtig'),
    el('p', { class: 'poster-lead' }, `Regionalstelle ${officeName}: Bitte sagen Sie uns in zwei Minuten, wie Sie uns erlebt haben. Anonym, ohne Anmeldung.`),
    el('img', { src: qrSrc, alt: `QR-Code zur Befragung der Regionalstelle ${officeName}`, width: 320, height: 320 }),
    el('p', { class: 'poster-url' }, url),
    el('p', { class: 'poster-note' }, roundTitle),
  );
}

/** Prints one element alone (the rest of the page is hidden while printing). */
export function printAlone(/** @type {HTMLElement} */ content) {
  const area = document.getElementById('print-area') ?? document.body.appendChild(el('div', { id: 'print-area' }));
  clear(area).append(content.cloneNode(true));
  document.body.classList.add('printing');
  const done = () => {
    document.body.classList.remove('printing');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
