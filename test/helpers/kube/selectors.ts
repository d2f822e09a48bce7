// Label selectors, parsed like k8s.io/apimachinery/pkg/labels.Parse (with its error messages).
import { obj, str } from './objects.ts';
import { invalid, labelValueErrors, qualifiedNameErrors } from './rules.ts';
import type { KubeObject } from './types.ts';

export type Requirement = (labels: Map<string, string>) => boolean;

function splitOutsideParens(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p.length > 0);
}

function checkSelectorKey(key: string): void {
  const errs = qualifiedNameErrors(key);
  if (errs.length > 0) {
    throw new Error(`unable to parse requirement: ${invalid('key', key, errs.join('; ')).detail}`);
  }
}

function checkSelectorValue(value: string): void {
  const errs = labelValueErrors(value);
  if (errs.length > 0) {
    throw new Error(
      `unable to parse requirement: ${invalid('values[0]', value, errs.join('; ')).detail}`
    );
  }
}

export function parseLabelSelector(selector: string): Requirement[] {
  return splitOutsideParens(selector).map((req): Requirement => {
    const set = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(req);
    if (set) {
      const [, key, op, list] = set;
      checkSelectorKey(key);
      const values = list.split(',').map(v => v.trim());
      values.forEach(checkSelectorValue);
      return op === 'in'
        ? labels => values.includes(labels.get(key) ?? '\0')
        : labels => !values.includes(labels.get(key) ?? '\0');
    }
    const eq = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(req);
    if (eq) {
      const [, key, op, value] = eq;
      checkSelectorKey(key);
      checkSelectorValue(value);
      return op === '!='
        ? labels => labels.get(key) !== value
        : labels => labels.get(key) === value;
    }
    if (req.startsWith('!')) {
      const key = req.slice(1).trim();
      checkSelectorKey(key);
      return labels => !labels.has(key);
    }
    checkSelectorKey(req);
    return labels => labels.has(req);
  });
}

export function labelsOf(object: KubeObject): Map<string, string> {
  const labels = obj(obj(object.metadata).labels);
  return new Map(Object.entries(labels).map(([k, v]) => [k, str(v)]));
}
