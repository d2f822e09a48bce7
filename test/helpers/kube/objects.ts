// Plain-object helpers shared by the fake's rules, store and routes: copies, comparisons, merge
// patches, and the managedFields set an apply records.
import type { KubeObject } from './types.ts';

export function isObject(value: unknown): value is KubeObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function omit(value: KubeObject, keys: string[]): KubeObject {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
}

// JSON round trips keep objects in this realm (jest runs tests in a vm context, and
// structuredClone would hand back objects whose prototypes fail deep-equality checks).
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map(k => [k, canonical(value[k])])
  );
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

export function obj(value: unknown): KubeObject {
  return isObject(value) ? value : {};
}

// Kubernetes timestamps are RFC 3339 with second precision.
export function timestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// RFC 7386 JSON merge patch.
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const result: KubeObject = isObject(target) ? clone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// managedFields: a FieldsV1 set describing what the applied configuration sets.

export function fieldSet(value: unknown): KubeObject {
  if (!isObject(value)) return {};
  const out: KubeObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (
      Array.isArray(child) &&
      child.every(item => isObject(item) && typeof item.name === 'string')
    ) {
      const entries: KubeObject = {};
      for (const item of child as KubeObject[]) {
        entries[`k:${JSON.stringify({ name: item.name })}`] = { '.': {}, ...fieldSet(item) };
      }
      out[`f:${key}`] = entries;
    } else {
      out[`f:${key}`] = isObject(child) ? fieldSet(child) : {};
    }
  }
  return out;
}

export function appliedFields(applied: KubeObject): KubeObject {
  const rest = omit(applied, ['apiVersion', 'kind', 'status']);
  return fieldSet({ ...rest, metadata: omit(obj(rest.metadata), ['name', 'namespace']) });
}
