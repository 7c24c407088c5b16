import { dateProblem } from '../calendar';
import type { ErrorDetail } from '../common/domain-error';
import { paramOverrideProblems, ruleParamNames, ruleTraits, type OfficeRole, type Rule } from '../engine';
import type { DeviationProposalDto } from './dto/deviation-proposal.dto';

const ROLE_NAMES_DE: Readonly<Record<OfficeRole, string>> = {
  standalone: 'eigenständige Regionalstelle',
  'tandem-seat': 'Sitz einer Tandemregionalstelle',
  'tandem-minor': 'kleinerer Standort einer Tandemregionalstelle',
};

/**
 * What makes a proposal unfit to be agreed, each problem naming its field: an unknown office or rule,
 * a rule that does not apply to the office's role (there is nothing to deviate from), a period that
 * ends before it starts, and parameters the rule's check does not understand. Pure: the service looks
 * up office and rule and passes what it found (undefined: unknown).
 */
export function proposalProblems(
  dto: DeviationProposalDto,
  office: { id: string; role: OfficeRole } | undefined,
  rule: Rule | undefined,
): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (!office) errors.push({ field: 'officeId', message: `Die Regionalstelle „${dto.officeId}“ ist nicht bekannt.` });
  if (!rule) {
    errors.push({ field: 'ruleId', message: `Die Regel „${dto.ruleId}“ steht nicht im Regelkatalog (siehe GET /api/v1/standards).` });
  } else if (ruleTraits(rule).scope === 'district') {
    errors.push({
      field: 'ruleId',
      message: `Die Regel „${rule.id}“ wird einmal für alle Regionalstellen des Kreises beurteilt; eine Abweichung für eine einzelne Regionalstelle ist davon nicht möglich.`,
    });
  } else if (office && !rule.appliesTo.includes(office.role)) {
    errors.push({
      field: 'ruleId',
      message: `Die Regel „${rule.id}“ gilt nicht für die Regionalstelle „${office.id}“ (${ROLE_NAMES_DE[office.role]}); eine Abweichung davon ist nicht möglich.`,
    });
  }

  const fromProblem = dateProblem(dto.validFrom);
  if (fromProblem) errors.push({ field: 'validFrom', message: fromProblem });
  if (dto.validUntil != null) {
    const untilProblem = dateProblem(dto.validUntil);
    if (untilProblem) errors.push({ field: 'validUntil', message: untilProblem });
    else if (!fromProblem && dto.validUntil < dto.validFrom) {
      errors.push({ field: 'validUntil', message: 'darf nicht vor dem Beginn (validFrom) liegen: der Zeitraum endet, bevor er beginnt' });
    }
  }

  const params = dto.params ?? undefined;
  if (dto.kind === 'waiver' && params !== undefined) {
    errors.push({ field: 'params', message: 'Eine Aussetzung (kind: waiver) hat keine Parameter; für andere Werte bitte kind: parameters angeben.' });
  } else if (dto.kind === 'parameters') {
    if (params === undefined || Object.keys(params).length === 0) {
      const names = rule ? ruleParamNames(rule.check) : [];
      errors.push({
        field: 'params',
        message:
          'Bitte die abweichenden Werte angeben, z. B. { "minimumHours": 18 }' +
          (rule ? (names.length ? ` (Parameter der Regel: ${names.join(', ')}).` : '; diese Regel hat keine Parameter, möglich ist nur kind: waiver.') : '.'),
      });
    } else if (rule) {
      for (const problem of paramOverrideProblems(rule, params)) {
        errors.push({ field: problem.param === null ? 'params' : `params.${problem.param}`, message: problem.message });
      }
    }
  }
  return errors;
}
