// The API server's rules, with its own wording: Status failure bodies, field errors (formatted
// like k8s.io/apimachinery/pkg/util/validation/field), and the name and label rules.
import { isObject } from './objects.ts';
import type { KubeObject, Reply, StatusDetails } from './types.ts';

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout'
};

export function failure(
  code: number,
  message: string,
  details?: StatusDetails,
  reason?: string
): Reply {
  const body: KubeObject = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message
  };
  const why = reason ?? REASONS[code];
  if (why) body.reason = why;
  if (details) body.details = details;
  body.code = code;
  return { status: code, body };
}

// ---------------------------------------------------------------------------------------------
// Field errors, formatted like k8s.io/apimachinery/pkg/util/validation/field.

export interface FieldError {
  field: string;
  type: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueNotSupported';
  detail: string;
}

function formatValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? 'null';
}

export function invalid(field: string, value: unknown, detail: string): FieldError {
  return {
    field,
    type: 'FieldValueInvalid',
    detail: `Invalid value: ${formatValue(value)}: ${detail}`
  };
}

export function required(field: string): FieldError {
  return { field, type: 'FieldValueRequired', detail: 'Required value' };
}

export function notSupported(field: string, value: unknown, supported: string[]): FieldError {
  const list = supported.map(s => JSON.stringify(s)).join(', ');
  return {
    field,
    type: 'FieldValueNotSupported',
    detail: `Unsupported value: ${formatValue(value)}: supported values: ${list}`
  };
}

export function invalidReply(
  kind: string,
  group: string,
  name: string,
  errors: FieldError[]
): Reply {
  const parts = errors.map(e => `${e.field}: ${e.detail}`);
  const summary = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  const qualified = group ? `${kind}.${group}` : kind;
  return failure(422, `${qualified} "${name}" is invalid: ${summary}`, {
    name,
    group,
    kind,
    causes: errors.map(e => ({ reason: e.type, message: e.detail, field: e.field }))
  });
}

// ---------------------------------------------------------------------------------------------
// Name and label validation (k8s.io/apimachinery/pkg/util/validation).

export const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${QUALIFIED_NAME})?`;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const QUALIFIED_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

export function matches(pattern: string, value: string): boolean {
  return new RegExp(`^${pattern}$`).test(value);
}

export function subdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!matches(DNS1123_SUBDOMAIN, value)) errs.push(SUBDOMAIN_MSG);
  return errs;
}

export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  let name = value;
  const errs: string[] = [];
  if (parts.length === 2) {
    const [prefix, rest] = parts;
    name = rest;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...subdomainErrors(prefix).map(e => `prefix part ${e}`));
  } else if (parts.length > 2) {
    return [
      `a qualified name ${QUALIFIED_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (name.length > 0 && !matches(QUALIFIED_NAME, name)) errs.push(`name part ${QUALIFIED_MSG}`);
  return errs;
}

export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!matches(LABEL_VALUE, value)) errs.push(LABEL_VALUE_MSG);
  return errs;
}

export function validateLabels(labels: unknown, field: string): FieldError[] {
  if (!isObject(labels)) return [];
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(labels)) {
    for (const e of qualifiedNameErrors(key)) errors.push(invalid(field, key, e));
    for (const e of labelValueErrors(String(value))) errors.push(invalid(field, value, e));
  }
  return errors;
}
