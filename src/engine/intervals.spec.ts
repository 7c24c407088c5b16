import { clip, gaps, totalMinutes, union } from './intervals';

describe('interval arithmetic', () => {
  it('merges overlapping and touching intervals', () => {
    expect(union([{ from: 600, to: 720 }, { from: 480, to: 610 }, { from: 720, to: 780 }])).toEqual([{ from: 480, to: 780 }]);
  });

  it('counts overlapping minutes once', () => {
    expect(totalMinutes([{ from: 480, to: 720 }, { from: 600, to: 780 }])).toBe(300);
  });

  it('clips to a window', () => {
    expect(clip([{ from: 360, to: 540 }, { from: 700, to: 900 }], { from: 420, to: 780 })).toEqual([
      { from: 420, to: 540 },
      { from: 700, to: 780 },
    ]);
  });

  it('finds the gaps of a window', () => {
    expect(gaps({ from: 480, to: 1020 }, [{ from: 500, to: 720 }, { from: 725, to: 1000 }])).toEqual([
      { from: 480, to: 500 },
      { from: 720, to: 725 },
      { from: 1000, to: 1020 },
    ]);
  });

  it('a window without coverage is one gap', () => {
    expect(gaps({ from: 480, to: 1020 }, [])).toEqual([{ from: 480, to: 1020 }]);
  });
});
