import { DomainError } from '../common/domain-error';
import { officeNameKey } from './office-name-key';

interface NamedOffice {
  id: string;
  name: string;
}

const WHY = 'Jede Regionalstelle muss über ihren Namen eindeutig zu finden sein (etwa im Register der Praxistreffen); Groß- und Kleinschreibung und Leerzeichen zählen dabei nicht.';

const conflict = (field: 'id' | 'name', what: string, other: NamedOffice, as: 'name' | 'id') =>
  new DomainError(
    'conflict',
    `${what} ist schon vergeben: ${as === 'name' ? `So heißt die Regionalstelle mit der Kennung ${other.id}.` : `Das ist die Kennung der Regionalstelle „${other.name}“.`} ${WHY}`,
    [{ field, message: `ist schon vergeben (${as === 'name' ? 'Name' : 'Kennung'} der Regionalstelle „${other.name}“, Kennung ${other.id})` }],
  );

/**
 * The 409 for an office `candidate` would collide with, or undefined: its name may not have the key
 * of another office's name or id (officeNameKey), and a new office's id may not be the key of
 * another's name (`checkId`; a rename keeps its id). The database refuses the same (office_name_key,
 * migration 1764700000000); this check runs first to name the office in the way.
 */
export function nameConflict(offices: readonly NamedOffice[], candidate: NamedOffice, checkId: boolean): DomainError | undefined {
  const others = offices.filter((o) => o.id !== candidate.id);
  const name = officeNameKey(candidate.name);
  const byId = others.find((o) => officeNameKey(o.id) === name);
  if (byId) return conflict('name', `Der Name „${candidate.name}“`, byId, 'id');
  const byName = others.find((o) => officeNameKey(o.name) === name);
  if (byName) return conflict('name', `Der Name „${candidate.name}“`, byName, 'name');
  const idTaken = checkId ? others.find((o) => officeNameKey(o.name) === candidate.id) : undefined;
  if (idTaken) return conflict('id', `Die Kennung „${candidate.id}“`, idTaken, 'name');
  return undefined;
}
