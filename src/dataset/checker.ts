// Strict checks of parsed YAML/JSON (the staging config, a catalog command's output): every
// failure is a ConfigError naming the source, the key path, what was expected and what was found.
import { DNS_LABEL_RULE, isDnsLabel } from '../kube/rules.js';
import { ConfigError, quote } from './errors.js';
import { storeTemplateProblem } from './store.js';
import { describeValue } from './yaml.js';

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function suggestion(key: string, allowed: readonly string[]): string {
  const normalised = key.toLowerCase().replaceAll('_', '-');
  const close = allowed.find(a => a === normalised || editDistance(normalised, a) <= 2);
  return close === undefined ? '' : ` Did you mean ${close}?`;
}

export class Checker {
  /** `hints` describe each key's expected value, for "must be ..." messages. */
  constructor(
    private readonly source: string,
    private readonly hints: Record<string, string>
  ) {}

  hint(key: string): string {
    return this.hints[key] ?? key;
  }

  fail(path: string, problem: string): never {
    throw new ConfigError(`${this.source}: ${path} ${problem}`);
  }

  keys(value: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue;
      const where = path === '' ? 'at the top level' : `in ${path}`;
      throw new ConfigError(
        `${this.source}: unknown key ${quote(key)} ${where}; allowed keys: ` +
          `${allowed.join(', ')}.${suggestion(key, allowed)}`
      );
    }
  }

  string(value: unknown, path: string, key: string, required: boolean): string | undefined {
    const full = path === '' ? key : `${path}.${key}`;
    if (value === undefined || value === null) {
      if (required) this.fail(full, `is required (${this.hint(key)})`);
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(full, `must be a string (${this.hint(key)}); found ${describeValue(value)}`);
    }
    return value;
  }

  label(value: string | undefined, path: string, fallback: string): string {
    if (value === undefined) return fallback;
    if (!isDnsLabel(value)) this.fail(path, `must be ${DNS_LABEL_RULE}; found ${quote(value)}`);
    return value;
  }

  relativePath(value: string, path: string): string {
    if (/^([/\\]|[A-Za-z]:)/.test(value) || value.split(/[/\\]/).includes('..')) {
      this.fail(
        path,
        `must be relative to the repository root, without ".."; found ${quote(value)}`
      );
    }
    return value;
  }

  stringList(value: unknown, path: string, key: string): string[] {
    const full = path === '' ? key : `${path}.${key}`;
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(
        full,
        `must be a non-empty list (${this.hint(key)}); found ${describeValue(value)}`
      );
    }
    value.forEach((item: unknown, i) => {
      if (typeof item !== 'string') {
        this.fail(`${full}[${i}]`, `must be a string (quote it); found ${describeValue(item)}`);
      }
    });
    return value as string[];
  }

  /** An argument list (a command run without a shell): never a shell string. */
  command(value: unknown, path: string, key: string): string[] {
    const full = path === '' ? key : `${path}.${key}`;
    if (typeof value === 'string') {
      this.fail(
        full,
        `must be a list of arguments (${this.hint(key)}), not a shell string: it is run without ` +
          'a shell'
      );
    }
    const args = this.stringList(value, path, key);
    if (args[0]?.trim() === '') this.fail(`${full}[0]`, 'must name a program');
    return args;
  }

  /** `store`: one template or a list of them (replicas); null when absent. */
  storeTemplates(value: unknown, path: string): string[] | null {
    if (value === undefined || value === null) return null;
    const full = path === '' ? 'store' : `${path}.store`;
    if (typeof value !== 'string' && !Array.isArray(value)) {
      this.fail(full, `must be ${this.hint('store')}; found ${describeValue(value)}`);
    }
    const list = typeof value === 'string' ? [value] : this.stringList(value, path, 'store');
    list.forEach((template, i) => {
      const where = typeof value === 'string' ? full : `${full}[${i}]`;
      if (template.trim() === '') this.fail(where, `must not be empty (${this.hint('store')})`);
      const problem = storeTemplateProblem(template);
      if (problem !== null) this.fail(where, `${quote(template)} ${problem}`);
    });
    return list;
  }
}
