// @ts-check
import { byId } from './dom.js';
import { uploadCard } from './evidence.js';

// The coordination office's register of the practice meetings (section 4.1), on its overview page:
// the same upload form as an office's evidence, for the whole district.

byId('practice-meetings').append(
  uploadCard({
    kind: 'practice-meetings',
    path: '/api/v1/practice-meetings',
    title: 'Praxistreffen (Register der Koordinierungsstelle)',
    about:
      'Je Treffen Datum, Zielgruppe (Arbeitsvermittlung oder Fachberatung), die eingeladenen und die teilnehmenden Regionalstellen, in einer Zelle durch „;“ getrennt. ' +
      'Abschnitt 4.1: Die Praxistreffen richten sich an alle Regionalstellen; gezählt wird ein Treffen, zu dem alle eingeladen waren.',
  }),
);
