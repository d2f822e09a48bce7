// Kinds of production CronJobs whose names do not start with the dataset id: a configured
// production-prefix, or a label holding the kind.
import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../../../src/dataset/errors.js';
import { kindOf, type KindRule } from '../../../src/dataset/kinds.js';

const ID = 'google-weathernext2-forecast-operational-virtual';
const byId: KindRule = { productionPrefix: ID, kindLabel: null };

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.message;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('kindOf', () => {
  it('is the name after {dataset_id}- by default', () => {
    expect(kindOf({ name: `${ID}-update` }, ID, byId)).toBe('update');
  });

  it('is the name after {production-prefix}- for abbreviated production names', () => {
    const rule = { productionPrefix: 'google-wn2-forecast-operational-virtual', kindLabel: null };
    expect(kindOf({ name: 'google-wn2-forecast-operational-virtual-update' }, ID, rule)).toBe(
      'update'
    );
    expect(
      kindOf({ name: 'google-wn2-forecast-operational-virtual-archive-grib-files' }, ID, rule)
    ).toBe('archive-grib-files');
  });

  it("is the kind-label's value when the CronJob has the label, whatever its name", () => {
    const rule = { productionPrefix: ID, kindLabel: 'app.kubernetes.io/component' };
    const labels = { 'app.kubernetes.io/component': 'validate' };
    expect(kindOf({ name: 'gwn2-fc-op-v-val', labels }, ID, rule)).toBe('validate');
    // Without the label, the prefix rule still applies.
    expect(kindOf({ name: `${ID}-update`, labels: {} }, ID, rule)).toBe('update');
  });

  it('names the dataset, the CronJob and both options when neither rule matches', () => {
    const message = problem(() =>
      kindOf({ name: 'google-wn2-forecast-operational-virtual-update' }, ID, byId)
    );
    expect(message).toContain(
      `Production CronJob "google-wn2-forecast-operational-virtual-update" of dataset "${ID}" ` +
        'matches no kind rule'
    );
    expect(message).toContain('production-prefix: google-wn2-forecast-operational-virtual');
    expect(message).toContain('kind-label');
  });

  it('says which label was missing when kind-label is set', () => {
    const rule = { productionPrefix: ID, kindLabel: 'dynamical.org/kind' };
    expect(problem(() => kindOf({ name: 'abc-update', labels: {} }, ID, rule))).toContain(
      'it has no label "dynamical.org/kind" (kind-label)'
    );
  });

  it('refuses a label value or name part that cannot be used in names', () => {
    const rule = { productionPrefix: ID, kindLabel: 'kind' };
    expect(problem(() => kindOf({ name: 'x', labels: { kind: 'Update_1' } }, ID, rule))).toContain(
      'has the kind "Update_1" in its label "kind" (kind-label)'
    );
    expect(problem(() => kindOf({ name: `${ID}-Update` }, ID, byId))).toContain(
      'not usable in names and labels'
    );
  });

  it('does not take the prefix itself, without a kind, as a match', () => {
    expect(problem(() => kindOf({ name: `${ID}-` }, ID, byId))).toContain('matches no kind rule');
  });
});
