// Days, ISO weeks and months of the archive: pure, across year ends, and never moved by a time zone.
import { afterEach, describe, expect, it } from 'vitest';
import { formatMonth, formatWeek, isoWeekOf, isoWeekRange, monthGrid, monthOf } from '../../plugins/papershelf/src/archive/calendar.ts';
import { formatDay } from '../../plugins/papershelf/src/archive/format-day.ts';
import { groupDays, groupMonths, groupWeeks, neighbours } from '../../plugins/papershelf/src/archive/periods.ts';
import { arxivRedirects } from '../../plugins/papershelf/src/archive/arxiv-redirects.ts';
import type { Paper } from '../../plugins/papershelf/src/paper/paper.ts';

const paper = (slug: string, date: string, arxiv?: string) => ({ slug, data: { date, arxiv } }) as unknown as Paper;

describe('isoWeekOf', () => {
  it.each([
    ['2025-08-27', '2025-W35'],
    ['2024-12-29', '2024-W52'],
    ['2024-12-30', '2025-W01'],
    ['2025-01-01', '2025-W01'],
    ['2025-01-05', '2025-W01'],
    ['2025-01-06', '2025-W02'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2022-01-01', '2021-W52'],
    ['2023-01-01', '2022-W52'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2024-02-29', '2024-W09'],
  ])('%s is in %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
  });

  it.each([
    ['2025-W01', '2024-12-30', '2025-01-05'],
    ['2020-W53', '2020-12-28', '2021-01-03'],
    ['2025-W35', '2025-08-25', '2025-08-31'],
  ])('%s runs from %s to %s, and each of its days is in it', (week, first, last) => {
    expect(isoWeekRange(week)).toEqual({ first, last });
    expect([isoWeekOf(first), isoWeekOf(last)]).toEqual([week, week]);
  });

  it('names weeks and months for people', () => {
    expect(formatWeek('2025-W01')).toBe('Week 1, 2025 (Dec 30 – Jan 5)');
    expect(formatMonth('2024-12')).toBe('December 2024');
    expect(monthOf('2024-12-31')).toBe('2024-12');
  });
});

describe('time zones never move a day', () => {
  const original = process.env['TZ'];
  afterEach(() => {
    if (original === undefined) delete process.env['TZ'];
    else process.env['TZ'] = original;
  });

  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])('in %s', (zone) => {
    process.env['TZ'] = zone;
    expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(zone === 'Pacific/Kiritimati' ? -840 : zone === 'Pacific/Pago_Pago' ? 660 : 0);
    expect([formatDay('2025-01-01'), isoWeekOf('2024-12-30'), formatMonth('2025-01'), formatWeek('2025-W01')]).toEqual([
      'January 1, 2025',
      '2025-W01',
      'January 2025',
      'Week 1, 2025 (Dec 30 – Jan 5)',
    ]);
  });
});

describe('grouping the archive', () => {
  const papers = [
    paper('a', '2025-01-10'),
    paper('b', '2025-01-02'),
    paper('c', '2025-01-02'),
    paper('d', '2024-12-30'),
    paper('e', '2024-12-28'),
  ];
  const days = groupDays(papers);

  it('groups days, then weeks and months across the year end, newest first, only periods with papers', () => {
    expect(days.map((d) => [d.date, d.papers.map((p) => p.slug)])).toEqual([
      ['2025-01-10', ['a']],
      ['2025-01-02', ['b', 'c']],
      ['2024-12-30', ['d']],
      ['2024-12-28', ['e']],
    ]);
    expect(groupWeeks(days).map((w) => [w.id, w.days.map((d) => d.date), w.count])).toEqual([
      ['2025-W02', ['2025-01-10'], 1],
      ['2025-W01', ['2025-01-02', '2024-12-30'], 3],
      ['2024-W52', ['2024-12-28'], 1],
    ]);
    expect(groupMonths(days).map((m) => [m.id, m.count])).toEqual([
      ['2025-01', 3],
      ['2024-12', 2],
    ]);
  });

  it('finds older and newer neighbours, skipping days without papers', () => {
    expect(neighbours(days, 1)).toEqual({ older: days[2], newer: days[0] });
    expect(neighbours(days, 0).newer).toBeUndefined();
    expect(neighbours(days, 3).older).toBeUndefined();
    expect(groupDays([])).toEqual([]);
  });
});

describe('arxivRedirects', () => {
  it('gives the id without version and every version up to the recorded one, old style too', () => {
    expect(
      arxivRedirects([paper('x', '2025-01-01', '2006.04768v3'), paper('y', '2025-01-01', 'math/0211159'), paper('z', '2025-01-01')]),
    ).toEqual([
      { id: '2006.04768', slug: 'x' },
      { id: '2006.04768v1', slug: 'x' },
      { id: '2006.04768v2', slug: 'x' },
      { id: '2006.04768v3', slug: 'x' },
      { id: 'math/0211159', slug: 'y' },
    ]);
  });
});

describe('monthGrid', () => {
  it('lays a month out in weeks, Monday first, padded before the 1st and after the last day', () => {
    const february = monthGrid('2024-02'); // a leap year's February, starting on a Thursday
    expect(february[0]).toEqual([undefined, undefined, undefined, '2024-02-01', '2024-02-02', '2024-02-03', '2024-02-04']);
    expect(february.at(-1)).toEqual(['2024-02-26', '2024-02-27', '2024-02-28', '2024-02-29', undefined, undefined, undefined]);
    expect(february.flat().filter(Boolean)).toHaveLength(29);
    // A month starting on a Monday needs no padding in front; one of 31 days starting on a Sunday spans six weeks.
    expect(monthGrid('2025-09')[0]![0]).toBe('2025-09-01');
    expect(monthGrid('2024-12')).toHaveLength(6);
  });
});
