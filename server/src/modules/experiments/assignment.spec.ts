import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { assign, fnv1a32 } from './assignment.js';
import { sampleRatioPValue, twoProportionPValue, wilson95 } from '../../common/statistics/proportions.js';

const variants = [
  { name: 'control', version: 1, weight: 50 },
  { name: 'concise', version: 2, weight: 30 },
  { name: 'detailed', version: 3, weight: 20 },
];

describe('assignment', () => {
  it('hashes with FNV-1a 32-bit', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  // Subject ids as the chatbot front end sends them (session UUIDs), generated deterministically.
  const subject = (i: number) =>
    createHash('sha256')
      .update(`session-${i}`)
      .digest('hex')
      .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*/, '$1-$2-$3-$4-$5');

  it('is sticky and balanced: 10 000 subjects within 1 % of the weights', () => {
    const counts: Record<string, number> = { control: 0, concise: 0, detailed: 0 };
    for (let i = 0; i < 10_000; i++) {
      const first = assign('chatbot-2026', subject(i), variants, 1)!;
      expect(assign('chatbot-2026', subject(i), variants, 1)!.name).toBe(first.name);
      counts[first.name]!++;
    }
    expect(Math.abs(counts['control']! / 10_000 - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(counts['concise']! / 10_000 - 0.3)).toBeLessThan(0.01);
    expect(Math.abs(counts['detailed']! / 10_000 - 0.2)).toBeLessThan(0.01);
  });

  it('stays balanced on sequential ids, where FNV-1a drifted 4 standard deviations', () => {
    const halves = [
      { name: 'control', version: 1, weight: 50 },
      { name: 'treatment', version: 2, weight: 50 },
    ];
    const controls = (count: number, salt: string, hash: 'sha256' | 'fnv1a') =>
      Array.from({ length: count }, (_, i) => assign(salt, `subject-${i + 1}`, halves, 1, hash)!).filter(
        (v) => v.name === 'control',
      ).length;
    // 1 200 sequential subjects: one standard deviation is √(1200 × ¼) ≈ 17.3.
    expect(controls(1200, 'brievete', 'fnv1a')).toBe(676); // 76 off: what experiments created before keep
    for (const salt of ['brievete', 'test', 'experiment', 'chatbot-brievete', 'sel'])
      expect(Math.abs(controls(1200, salt, 'sha256') - 600)).toBeLessThan(3 * 17.3);
    // 10 000 sequential employee-like numbers within three standard deviations (150).
    const employees = Array.from({ length: 10_000 }, (_, i) => assign('paie', String(100_000 + i), halves, 1)!);
    expect(Math.abs(employees.filter((v) => v.name === 'control').length - 5_000)).toBeLessThan(150);
  });

  it('keeps FNV-1a for experiments created with it, so none of their subjects moves', () => {
    for (let i = 0; i < 1_000; i++) {
      const point = (fnv1a32(`sels${i}`) / 2 ** 32) * 100; // weights 50 / 30 / 20
      const expected = point < 50 ? 'control' : point < 80 ? 'concise' : 'detailed';
      expect(assign('sel', `s${i}`, variants, 1, 'fnv1a')!.name).toBe(expected);
    }
  });

  it('never moves a subject to another variant when coverage ramps up', () => {
    for (let i = 0; i < 5_000; i++) {
      const at10 = assign('sel', `s${i}`, variants, 0.1);
      const at60 = assign('sel', `s${i}`, variants, 0.6);
      const atAll = assign('sel', `s${i}`, variants, 1)!;
      if (at10) expect(at10.name).toBe(atAll.name);
      if (at60) expect(at60.name).toBe(atAll.name);
      if (at10) expect(at60).not.toBeNull();
    }
  });
});

describe('statistics', () => {
  it('gives Wilson intervals, a two-proportion test and an SRM check', () => {
    const [lo, hi] = wilson95(50, 100);
    expect(lo).toBeCloseTo(0.4038, 3);
    expect(hi).toBeCloseTo(0.5962, 3);
    expect(twoProportionPValue(50, 100, 50, 100)).toBeCloseTo(1, 5);
    expect(twoProportionPValue(200, 1000, 260, 1000)).toBeLessThan(0.01);
    expect(sampleRatioPValue([5000, 5000], [50, 50])).toBeCloseTo(1, 5);
    expect(sampleRatioPValue([5500, 4500], [50, 50])).toBeLessThan(0.001);
  });
});
