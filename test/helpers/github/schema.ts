// GitHub's GraphQL schema and the rules GitHub applies around executing it: its error shapes
// (typed errors, FORBIDDEN, graphql-ruby's validation wording) and its static pagination limits.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GraphQLError,
  Kind,
  buildClientSchema,
  getNamedType,
  isInterfaceType,
  isObjectType
} from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  GraphQLNamedType,
  GraphQLSchema,
  IntrospectionQuery,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode
} from 'graphql';

// Schema: built once per process from the introspection JSON (the SDL in the same package has
// duplicate fields and does not build).

let schemaCache: GraphQLSchema | undefined;

function findSchemaJson(): string {
  const relative = path.join('node_modules', '@octokit', 'graphql-schema', 'schema.json');
  const starts = [path.dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, relative);
      if (existsSync(candidate)) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`fake-github: cannot find ${relative}`);
}

/** GitHub's public GraphQL schema (from @octokit/graphql-schema), built once per process. */
export function githubSchema(): GraphQLSchema {
  if (!schemaCache) {
    const json = JSON.parse(readFileSync(findSchemaJson(), 'utf8')) as IntrospectionQuery;
    schemaCache = buildClientSchema(json);
  }
  return schemaCache;
}

/** An execution error carrying GitHub's top-level `type` (NOT_FOUND, ...). */
export class TypedError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}

export interface GitHubErrorJson {
  type?: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: Record<string, unknown>;
  message: string;
}

/**
 * GitHub's answer for a field the token's permissions do not cover: the field resolves to null
 * and the response carries `{ type: 'FORBIDDEN', path, extensions: { saml_failure: false }, ... }`.
 */
export class ForbiddenError extends GraphQLError {
  readonly type = 'FORBIDDEN';
  constructor() {
    super('Resource not accessible by integration', { extensions: { saml_failure: false } });
  }
}

export function formatExecutionError(error: GraphQLError): GitHubErrorJson {
  const original = error.originalError;
  const extensions = error.extensions;
  return {
    ...(original instanceof TypedError || original instanceof ForbiddenError
      ? { type: original.type }
      : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(Object.keys(extensions).length > 0 ? { extensions: { ...extensions } } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message
  };
}

/** graphql-js validation messages rewritten to the wording GitHub (graphql-ruby) uses. */
export function formatValidationError(error: GraphQLError): GitHubErrorJson {
  const base = { locations: error.locations ?? [] };
  const field = /^Cannot query field "([^"]+)" on type "([^"]+)"\./.exec(error.message);
  if (field) {
    return {
      ...base,
      extensions: { code: 'undefinedField', typeName: field[2], fieldName: field[1] },
      message: `Field '${field[1]}' doesn't exist on type '${field[2]}'`
    };
  }
  const arg = /^Unknown argument "([^"]+)" on field "[^".]+\.([^"]+)"\./.exec(error.message);
  if (arg) {
    return {
      ...base,
      extensions: { code: 'argumentNotAccepted', name: arg[2], argumentName: arg[1] },
      message: `Field '${arg[2]}' doesn't accept argument '${arg[1]}'`
    };
  }
  const required = /^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required/.exec(
    error.message
  );
  if (required) {
    return {
      ...base,
      extensions: { code: 'missingRequiredArguments', arguments: required[2] },
      message: `Field '${required[1]}' is missing required arguments: ${required[2]}`
    };
  }
  return { ...base, message: error.message };
}

const MAX_PAGE = 100;
const MAX_NODES = 500_000;

export function selectOperation(
  document: DocumentNode,
  operationName: string | undefined
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION
  );
  if (operationName) return operations.find(op => op.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * GitHub's static pagination rules, checked before execution like GitHub does: every connection
 * needs `first` or `last`, at most 100, and the product of page sizes down the tree must stay
 * under 500,000 nodes. Returns GitHub-shaped errors (empty when the query is acceptable).
 */
export function paginationErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>
): GitHubErrorJson[] {
  const operation = selectOperation(document, operationName);
  if (!operation) return [];
  const defaults = new Map<string, ValueNode>();
  for (const def of operation.variableDefinitions ?? []) {
    if (def.defaultValue) defaults.set(def.variable.name.value, def.defaultValue);
  }
  const fragments = new Map(
    document.definitions.flatMap(d =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : []
    )
  );
  const errors: GitHubErrorJson[] = [];
  let total = 0;
  let overflowAt: { field: string; node: FieldNode } | null = null;

  const intValue = (node: ValueNode | undefined): number | null => {
    if (!node) return null;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const value = variables[node.name.value];
      if (typeof value === 'number') return value;
      if (value === undefined) return intValue(defaults.get(node.name.value));
    }
    return null;
  };

  const walk = (
    selectionSet: SelectionSetNode,
    type: GraphQLNamedType | undefined,
    multiplier: number,
    seen: Set<string>
  ): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : type;
        walk(selection.selectionSet, inner ?? undefined, multiplier, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const inner = schema.getType(fragment.typeCondition.name.value);
        walk(
          fragment.selectionSet,
          inner ?? undefined,
          multiplier,
          new Set([...seen, fragment.name.value])
        );
        continue;
      }
      if (!type || !(isObjectType(type) || isInterfaceType(type))) continue;
      const def = type.getFields()[selection.name.value];
      if (!def) continue;
      const fieldType = getNamedType(def.type);
      let childMultiplier = multiplier;
      const name = selection.name.value;
      const isConnection =
        fieldType.name.endsWith('Connection') && def.args.some(a => a.name === 'first');
      if (isConnection) {
        const args = new Map(selection.arguments?.map(a => [a.name.value, a.value]) ?? []);
        const first = intValue(args.get('first'));
        const last = intValue(args.get('last'));
        if (first === null && last === null) {
          errors.push({
            type: 'MISSING_PAGINATION_BOUNDARIES',
            locations: [locationOf(selection)],
            message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`
          });
          continue;
        }
        for (const [argName, value] of [
          ['first', first],
          ['last', last]
        ] as const) {
          if (value !== null && value > MAX_PAGE) {
            errors.push({
              type: 'EXCESSIVE_PAGINATION',
              locations: [locationOf(selection)],
              message: `Requesting ${value} records on the \`${name}\` connection exceeds the \`${argName}\` limit of ${MAX_PAGE} records.`
            });
          }
        }
        childMultiplier = multiplier * Math.max(first ?? 0, last ?? 0);
        total += childMultiplier;
        if (total > MAX_NODES && !overflowAt) overflowAt = { field: name, node: selection };
      }
      if (selection.selectionSet) walk(selection.selectionSet, fieldType, childMultiplier, seen);
    }
  };

  const root = schema.getRootType(operation.operation);
  walk(operation.selectionSet, root ?? undefined, 1, new Set());
  const overflow = overflowAt as { field: string; node: FieldNode } | null;
  if (errors.length === 0 && overflow) {
    errors.push({
      type: 'MAX_NODE_LIMIT_EXCEEDED',
      locations: [locationOf(overflow.node)],
      message: `By the time this query traverses to the ${overflow.field} connection, it is requesting up to ${total.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString('en-US')}.`
    });
  }
  return errors;
}

function locationOf(node: FieldNode): { line: number; column: number } {
  const loc = node.loc;
  if (!loc) return { line: 0, column: 0 };
  // loc.startToken carries 1-based line and column.
  return { line: loc.startToken.line, column: loc.startToken.column };
}
