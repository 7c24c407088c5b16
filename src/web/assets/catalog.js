// @ts-check
import { append, byId, clear, el } from './dom.js';
import { formatDate, formatValue } from './german-format.js';
import { obligationBadge, roleLabel, standards, words } from './vocabulary.js';

// The Katalog page: the whole agreement as the service reads it. Every rule grouped by its section
// of Anlage 3, with its obligation, the offices it applies to, its verbatim passage and its
// parameters (German label, value and unit, and the interpretation where the text leaves a number
// open); beside them the standards that no record can show, listed with the reason they are not
// checked. Everything comes from GET /api/v1/standards; the page keeps no words of its own.

/** @typedef {import('./api-types').Rule} Rule */
/** @typedef {import('./api-types').NotCheckedStandard} NotCheckedStandard */

const root = byId('catalog');
clear(root);
append(root, [versionLine(), versionList(), ...sections().map(sectionCard)]);

function versionLine() {
  const until = standards.validUntil ? ` bis ${formatDate(standards.validUntil)}` : '';
  return el(
    'p',
    { class: 'lead', id: 'catalog-version' },
    `Regelkatalog Version ${standards.version}, gültig ab ${formatDate(standards.validFrom)}${until}: `,
    `${standards.rules.length} geprüfte Regeln, ${standards.notChecked.length} aufgeführte, nicht geprüfte Standards.`,
  );
}

/** Every version of the catalog with its validity: each period is judged by the version in force on its first day. */
function versionList() {
  if (standards.versions.length < 2) return null;
  return el(
    'section',
    { class: 'card', id: 'catalog-versions', 'aria-labelledby': 'catalog-versions-heading' },
    el('h2', { id: 'catalog-versions-heading' }, 'Versionen des Katalogs'),
    el('p', { class: 'muted' }, 'Jeder Zeitraum wird nach der Version beurteilt, die an seinem ersten Tag gilt.'),
    el(
      'ul',
      {},
      standards.versions.map((v) =>
        el(
          'li',
          {},
          `Version ${v.version}: gültig ab ${formatDate(v.validFrom)}${v.validUntil ? ` bis ${formatDate(v.validUntil)}` : ''}`,
          v.inForce ? ' (in Kraft)' : '',
          v.firstJudged ? `, beurteilt seit ${formatDate(v.firstJudged)}` : '',
        ),
      ),
    ),
  );
}

/**
 * The sections that have a rule or a standard listed, in the order of the agreement (1.2 before 2,
 * 4.2 before 4.3).
 * @returns {Array<{ section: string, rules: Rule[], notChecked: NotCheckedStandard[] }>}
 */
function sections() {
  const numbers = [...new Set([...standards.rules.map((r) => r.citation.section), ...standards.notChecked.map((s) => s.section)])];
  numbers.sort((a, b) => {
    const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  });
  return numbers.map((section) => ({
    section,
    rules: standards.rules.filter((r) => r.citation.section === section),
    notChecked: standards.notChecked.filter((s) => s.section === section),
  }));
}

/** @param {{ section: string, rules: Rule[], notChecked: NotCheckedStandard[] }} group */
function sectionCard({ section, rules, notChecked }) {
  const id = `abschnitt-${section.replace(/\./g, '-')}`;
  const title = words.sections[section];
  return el(
    'section',
    { class: 'card catalog-section', id, 'aria-labelledby': `${id}-heading` },
    el('h2', { id: `${id}-heading` }, `Abschnitt ${section}${title ? `: ${title}` : ''}`),
    rules.map(ruleEntry),
    notChecked.map(notCheckedEntry),
  );
}

/** @param {Rule} rule */
function ruleEntry(rule) {
  const obligation = words.obligations[rule.obligation];
  const params = Object.values(rule.params);
  return el(
    'article',
    { class: 'catalog-rule', 'data-kind': 'checked' },
    el('h3', {}, obligationBadge(rule.obligation), ' ', rule.title),
    el('p', { class: 'muted' }, `${obligation.text} · geprüft · gilt für: ${rule.appliesTo.map(roleLabel).join(', ')}`),
    el('blockquote', { class: 'catalog-passage' }, rule.citation.passage),
    params.length
      ? el(
          'table',
          { class: 'catalog-params' },
          el('caption', { class: 'visually-hidden' }, `Parameter: ${rule.title}`),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Parameter'), el('th', { scope: 'col' }, 'Wert'), el('th', { scope: 'col' }, 'Auslegung'))),
          el(
            'tbody',
            {},
            params.map((p) => el('tr', {}, el('th', { scope: 'row' }, p.label), el('td', {}, formatValue(p.value, p.unit)), el('td', {}, p.interpretation ?? '–'))),
          ),
        )
      : el('p', { class: 'muted' }, 'Keine Parameter.'),
  );
}

/** @param {NotCheckedStandard} standard */
function notCheckedEntry(standard) {
  return el(
    'article',
    { class: 'catalog-rule catalog-not-checked', 'data-kind': 'not-checked' },
    el('h3', {}, standard.title),
    el('p', { class: 'muted' }, el('span', { class: 'status status-not_applicable' }, el('span', { class: 'status-icon', 'aria-hidden': 'true' }, '–'), 'aufgeführt, nicht geprüft')),
    el('blockquote', { class: 'catalog-passage' }, standard.passage),
    el('p', {}, el('strong', {}, 'Warum nicht geprüft: '), standard.reason),
  );
}
