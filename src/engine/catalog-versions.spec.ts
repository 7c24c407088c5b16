import { CatalogError } from './catalog.error';
import { catalogForPeriod, catalogInForce, orderVersions } from './catalog-versions';
import type { Catalog } from './types';

const version = (v: string, validFrom: string, validUntil?: string): Catalog => ({
  version: v,
  validFrom,
  ...(validUntil ? { validUntil } : {}),
  actionDueWeeks: { must: 4, should: 8, aim: 12, observe: 12 },
  rules: [],
  notChecked: [],
});
const source = (catalog: Catalog) => ({ catalog, headerFile: `config/standards/${catalog.version}/catalog.yaml` });

describe('catalog versions over time', () => {
  const versions = [version('2026.1', '2026-01-01'), version('2026.2', '2026-10-01')];

  it.each([
    ['2025-12-31', undefined],
    ['2026-01-01', '2026.1'],
    ['2026-09-30', '2026.1'],
    ['2026-10-01', '2026.2'],
    ['2030-01-01', '2026.2'],
  ])('on %s the version in force is %s', (date, expected) => expect(catalogInForce(versions, date)?.version).toBe(expected));

  it('a validUntil ends a version: the days after it have none until the next starts', () => {
    const gap = [version('2026.1', '2026-01-01', '2026-06-30'), version('2026.2', '2026-10-01')];
    expect(catalogInForce(gap, '2026-06-30')?.version).toBe('2026.1');
    expect(catalogInForce(gap, '2026-07-01')).toBeUndefined();
  });

  it('a period is judged by the version in force on its first day, even when it ends under the next', () => {
    // 2026-W40 runs from Monday 28 September to Sunday 4 October.
    expect(catalogForPeriod(versions, { from: '2026-09-28', to: '2026-10-04' })?.version).toBe('2026.1');
    expect(catalogForPeriod(versions, { from: '2026-10-05', to: '2026-10-11' })?.version).toBe('2026.2');
    expect(catalogForPeriod(versions, { from: '2026-10-01', to: '2026-10-31' })?.version).toBe('2026.2');
  });

  it('the first version judges a period that begins before it and ends under it, none a period wholly before', () => {
    expect(catalogForPeriod(versions, { from: '2025-12-29', to: '2026-01-04' })?.version).toBe('2026.1');
    expect(catalogForPeriod(versions, { from: '2025-12-22', to: '2025-12-28' })).toBeUndefined();
  });

  it('orders versions by validFrom and refuses two starting the same day, overlapping or named alike', () => {
    expect(orderVersions([source(versions[1]), source(versions[0])], 'config/standards').map((v) => v.catalog.version)).toEqual(['2026.1', '2026.2']);
    expect(() => orderVersions([source(versions[0]), source(version('2026.9', '2026-01-01'))], 'd')).toThrow(
      'config/standards/2026.9/catalog.yaml: validFrom: 2026-01-01 is also the start of version 2026.1',
    );
    expect(() => orderVersions([source(version('2026.1', '2026-01-01', '2026-10-01')), source(versions[1])], 'd')).toThrow(
      'config/standards/2026.1/catalog.yaml: validUntil: 2026-10-01 overlaps version 2026.2',
    );
    expect(() => orderVersions([source(versions[0]), { catalog: version('2026.1', '2026-10-01'), headerFile: 'other/catalog.yaml' }], 'd')).toThrow(
      'other/catalog.yaml: version: "2026.1" is also the version of config/standards/2026.1/catalog.yaml',
    );
    expect(() => orderVersions([], 'config/standards')).toThrow(CatalogError);
  });
});
