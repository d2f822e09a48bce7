// YAML/JSON parsing shared by the config, version and manifest readers: every failure becomes a
// ConfigError naming the file and, for syntax errors, the line.
import { parseAllDocuments, parseDocument, YAMLError } from 'yaml';
import type { Document } from 'yaml';
import { errorMessage } from '../util/errors.js';
import { ConfigError } from './errors.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a parsed value for "found ..." parts of messages. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  if (typeof value === 'string') return `a string (${JSON.stringify(value)})`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return `a ${typeof value} (${value})`;
  return `a ${typeof value}`;
}

function syntaxError(source: string, format: string, error: unknown): ConfigError {
  if (error instanceof YAMLError && error.linePos !== undefined) {
    const { line, col } = error.linePos[0];
    const [reason] = error.message.split(/ at line \d+, column \d+/);
    const snippetStart = error.message.indexOf(':\n');
    const snippet = snippetStart === -1 ? '' : `\n${error.message.slice(snippetStart + 2).trim()}`;
    return new ConfigError(
      `${source}: invalid ${format} at line ${line}, column ${col}: ${reason}${snippet}`
    );
  }
  return new ConfigError(`${source}: invalid ${format}: ${errorMessage(error)}`);
}

function toJS(source: string, doc: Document): unknown {
  const [error] = doc.errors;
  if (error !== undefined) throw syntaxError(source, 'YAML', error);
  try {
    // Aliases are capped so a crafted file cannot expand into gigabytes ("billion laughs").
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw syntaxError(source, 'YAML', e);
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw syntaxError(source, 'JSON', e);
  }
}

export function isJsonSource(source: string): boolean {
  return /\.json$/i.test(source);
}

/** One YAML document (or JSON when `source` ends in .json). */
export function parseOne(text: string, source: string): unknown {
  if (isJsonSource(source)) return parseJson(text, source);
  return toJS(source, parseDocument(text, { prettyErrors: true, uniqueKeys: true }));
}

/** Every document of a multi-document YAML stream (or the one JSON value when `source` is .json). */
export function parseStream(text: string, source: string): unknown[] {
  if (isJsonSource(source)) return [parseJson(text, source)];
  const docs = parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true });
  if (!Array.isArray(docs)) return [];
  return docs.map(doc => toJS(source, doc));
}

/** A command's output: JSON when it starts like JSON (for JSON's own error messages), else YAML. */
export function parseOutput(text: string, source: string): unknown {
  if (/^\s*[[{]/.test(text)) return parseJson(text, source);
  return toJS(source, parseDocument(text, { prettyErrors: true, uniqueKeys: true }));
}
