import { nameConflict } from './office-name-conflict';
import { officeNameKey } from './office-name-key';

const OFFICES = [
  { id: 'hattingen', name: 'Hattingen' },
  { id: 'wetter', name: 'Wetter (Ruhr)' },
];

describe('office names as compared', () => {
  it('ignore case, surrounding and repeated blanks and the Unicode form', () => {
    expect(officeNameKey('  Wetter   (RUHR) ')).toBe('wetter (ruhr)');
    expect(officeNameKey('Sprockho\u0308vel')).toBe(officeNameKey('SPROCKHÖVEL'));
  });

  it('collide with another office\'s name or id, not with the office\'s own', () => {
    expect(nameConflict(OFFICES, { id: 'neu', name: 'wetter  (ruhr)' }, true)?.details).toEqual([{ field: 'name', message: 'ist schon vergeben (Name der Regionalstelle „Wetter (Ruhr)“, Kennung wetter)' }]);
    expect(nameConflict(OFFICES, { id: 'neu', name: 'WETTER' }, true)?.message).toMatch(/^Der Name „WETTER“ ist schon vergeben: Das ist die Kennung der Regionalstelle „Wetter \(Ruhr\)“\./);
    expect(nameConflict(OFFICES, { id: 'wetter', name: 'WETTER' }, false)).toBeUndefined();
    expect(nameConflict(OFFICES, { id: 'neu', name: 'Hattingen-Süd' }, true)).toBeUndefined();
  });

  it('check a new id against the other names only when asked (a rename keeps its id)', () => {
    const offices = [{ id: 'alt', name: 'Neustadt' }];
    expect(nameConflict(offices, { id: 'neustadt', name: 'Neustadt Süd' }, true)?.details).toEqual([{ field: 'id', message: 'ist schon vergeben (Name der Regionalstelle „Neustadt“, Kennung alt)' }]);
    expect(nameConflict(offices, { id: 'neustadt', name: 'Neustadt Süd' }, false)).toBeUndefined();
  });
});
