import { describe, expect, it } from 'vitest';
import { checks as registry } from '../../src/checks/index.js';
import { CheckCatalog, catalogFor, humanizeCheckId, UNKNOWN_CHECK_CATEGORY, UNKNOWN_CHECK_EFFORT_HOURS } from '../../src/readiness/check-info.js';
import { check, seedChecks } from './helpers.js';

describe('CheckCatalog', () => {
  it('knows each check of its registry once, the first of a repeated id, in registry order', () => {
    const again = check('wheel-not-built', 'Developer Setup', 'low', 9, 'A second definition');
    const catalog = new CheckCatalog([seedChecks[0], seedChecks[1], again, seedChecks[2]]);
    expect(catalog.all().map((c) => [c.id, c.order])).toEqual([
      ['entry-point-missing', 0],
      ['wheel-not-built', 1],
      ['vector-search-endpoint-missing', 3],
    ]);
    expect(catalog.info('wheel-not-built')).toEqual({
      id: 'wheel-not-built',
      category: 'Python Package Build',
      severity: 'critical',
      effortHours: 0.5,
      title: 'Wheel not built',
      successMessage: 'Wheel not built: OK',
      docs: 'Wheel not built.\n\nWhy it fails on Databricks and how to fix it.',
      order: 1,
      known: true,
    });
  });

  it('gives an id it does not know defaults, with the severity it was found at, sorting after every known check', () => {
    const catalog = new CheckCatalog(seedChecks);
    expect(catalog.info('config-invalid', 'high')).toEqual({
      id: 'config-invalid',
      category: UNKNOWN_CHECK_CATEGORY,
      severity: 'high',
      effortHours: UNKNOWN_CHECK_EFFORT_HOURS,
      title: 'Config invalid',
      successMessage: 'No config-invalid findings',
      docs: '',
      order: Number.MAX_SAFE_INTEGER,
      known: false,
    });
    expect(catalog.info('config-invalid').severity).toBe('medium');
  });

  it('files the ids of real runs (bundle validate, wheel build and inspection, smoke runs) under Verification, and nothing that merely contains those words', () => {
    const catalog = new CheckCatalog([]);
    for (const id of ['bundle-validate-error', 'wheel-build-failed', 'wheel-inspect-missing', 'entry-point-smoke-failed']) {
      expect(catalog.info(id).category, id).toBe('Verification');
    }
    for (const id of ['my-bundle-validate', 'pre-wheel-build', 'smoke-failed-twice']) {
      expect(catalog.info(id).category, id).toBe(UNKNOWN_CHECK_CATEGORY);
    }
  });

  it('asks its documentation for ids outside the registry, which sort after the registry and before unknown ids', () => {
    const documented = check('bundle-validate-error', 'Verification', 'high', 1, 'Bundle validation reports an error');
    const asked: string[] = [];
    const catalog = new CheckCatalog(seedChecks, (id) => (asked.push(id), id === documented.id ? documented : undefined));
    expect(catalog.info('bundle-validate-error')).toMatchObject({ title: 'Bundle validation reports an error', order: Number.MAX_SAFE_INTEGER - 1, known: true });
    expect(catalog.info('entry-point-missing').order).toBe(0);
    expect(catalog.info('nobody-knows').known).toBe(false);
    expect(asked).toEqual(['bundle-validate-error', 'nobody-knows']);
  });
});

describe('humanizeCheckId', () => {
  it('turns the words of an id into a sentence-case title', () => {
    expect(humanizeCheckId('entry-point_missing')).toBe('Entry point missing');
    expect(humanizeCheckId('--x--y')).toBe('X y');
    expect(humanizeCheckId('-_-')).toBe('-_-');
  });
});

describe('catalogFor', () => {
  it('is one catalog of the registry and its documented run ids', () => {
    const first = catalogFor();
    expect(catalogFor()).toBe(first);
    expect(first.all().map((c) => c.id)).toEqual(registry.map((c) => c.id));
    expect(first.info('bundle-validate-error')).toMatchObject({ known: true, category: 'Verification', order: Number.MAX_SAFE_INTEGER - 1 });
  });

  it('builds a catalog of the checks it is given', () => {
    expect(catalogFor(seedChecks).all().map((c) => c.id)).toEqual(seedChecks.map((c) => c.id));
    expect(catalogFor(seedChecks)).not.toBe(catalogFor(seedChecks));
  });
});
