// A production CronJob's kind (update, validate, ...): what its staged copy is named after. Real
// catalogs abbreviate production names to fit Kubernetes' limits, so the part before the kind is
// configurable (production-prefix), or the kind is read from a label (kind-label).
import { isDnsLabel } from '../kube/rules.js';
import { ValidationError, quote } from './errors.js';
import { deriveKind, type Kind } from './names.js';
import type { DatasetId } from './ref.js';

export interface KindRule {
  /** The production name is `{productionPrefix}-{kind}`; by default the dataset id. */
  productionPrefix: string;
  /** When set, the kind is this label's value on the production CronJob (if it has the label). */
  kindLabel: string | null;
}

export interface ProductionIdentity {
  name: string;
  labels?: Record<string, string> | undefined;
}

/** The production-prefix a name suggests: everything before its last "-". */
function suggestedPrefix(name: string): string | null {
  const cut = name.lastIndexOf('-');
  return cut > 0 ? name.slice(0, cut) : null;
}

/**
 * The kind of a production CronJob of `datasetId`: its `kindLabel` value when it has one, else its
 * name after `{productionPrefix}-`. A CronJob that matches neither is an error naming both options.
 */
export function kindOf(production: ProductionIdentity, datasetId: string, rule: KindRule): Kind {
  const { name, labels } = production;
  const label = rule.kindLabel === null ? undefined : labels?.[rule.kindLabel];
  if (rule.kindLabel !== null && label !== undefined) {
    if (!isDnsLabel(label)) {
      throw new ValidationError(
        `Production CronJob ${quote(name)} of dataset ${quote(datasetId)} has the kind ` +
          `${quote(label)} in its label ${quote(rule.kindLabel)} (kind-label), which is not usable ` +
          'in names: it must be at most 63 lowercase letters, digits and "-", starting and ending ' +
          'with a letter or digit.'
      );
    }
    return label as Kind;
  }
  const prefix = `${rule.productionPrefix}-`;
  if (name.startsWith(prefix) && name.length > prefix.length) {
    return deriveKind(name, rule.productionPrefix as DatasetId);
  }
  const suggestion = suggestedPrefix(name);
  const labelPart =
    rule.kindLabel === null
      ? 'no kind-label is set'
      : `it has no label ${quote(rule.kindLabel)} (kind-label)`;
  throw new ValidationError(
    `Production CronJob ${quote(name)} of dataset ${quote(datasetId)} matches no kind rule: its ` +
      `name does not start with "${prefix}" (production-prefix, default the dataset id) followed ` +
      `by a kind, and ${labelPart}. In the dataset's entry of the staging config (or its catalog ` +
      'entry), set production-prefix to the part of the production names before the kind' +
      (suggestion === null ? '' : ` (e.g. production-prefix: ${suggestion})`) +
      ', or kind-label to a label of the production CronJobs whose value is the kind; or, if it ' +
      "belongs to another dataset, remove it from this dataset's CronJobs."
  );
}
