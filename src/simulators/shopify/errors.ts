/**
 * Errors in Shopify's shape. Shopify runs graphql-ruby, so a document that fails validation comes
 * back as HTTP 200 `{"errors":[{message, locations, path, extensions:{code, …}}]}` with graphql-ruby's
 * wording ("Field 'foo' doesn't exist on type 'Product'", code `undefinedField`). graphql-js finds
 * the same problems with different wording; this module translates the common ones. The wording and
 * codes are inferred from responses recorded by public client projects, not from a Shopify spec.
 *
 * @example
 * formatValidationErrors(validate(schema, doc), doc) // [{ message: "Field 'foo' doesn't exist on type 'Product'", … }]
 */
import { GraphQLError, Kind, type ASTNode, type DocumentNode, type SelectionSetNode } from 'graphql';

/** One error as it appears in a Shopify response body. */
export interface ShopifyErrorJson {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** An error a resolver throws; `code` lands in `extensions.code`. */
export function simError(message: string, code: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** Formats an execution error (thrown by a resolver or raised by graphql-js) for the response. */
export function formatExecutionError(error: GraphQLError): ShopifyErrorJson {
  const internal = error.originalError && !(error.originalError instanceof GraphQLError);
  const known = Object.keys(error.extensions ?? {}).length > 0;
  const out: ShopifyErrorJson = {
    message:
      internal && !known ? 'Internal error. Looks like something went wrong on our end.' : error.message,
  };
  if (error.locations) out.locations = error.locations.map(({ line, column }) => ({ line, column }));
  if (error.path) out.path = [...error.path];
  out.extensions = known
    ? { ...error.extensions }
    : { code: internal ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' };
  return out;
}

type Rewrite = (match: RegExpExecArray) => { message: string; extensions: Record<string, unknown> };

const REWRITES: [RegExp, Rewrite][] = [
  [
    /^Cannot query field "([^"]+)" on type "([^"]+)"\./,
    ([, field, type]) => ({
      message: `Field '${field}' doesn't exist on type '${type}'`,
      extensions: { code: 'undefinedField', typeName: type, fieldName: field },
    }),
  ],
  [
    /^Unknown argument "([^"]+)" on field "[^".]+\.([^"]+)"\./,
    ([, argument, field]) => ({
      message: `Field '${field}' doesn't accept argument '${argument}'`,
      extensions: { code: 'argumentNotAccepted', name: field, typeName: 'Field', argumentName: argument },
    }),
  ],
  [
    /^Field "[^".]+\.([^"]+)" argument "([^"]+)" of type "[^"]+" is required, but it was not provided\./,
    ([, field, argument]) => ({
      message: `Field '${field}' is missing required arguments: ${argument}`,
      extensions: { code: 'missingRequiredArguments', className: 'Field', name: field, arguments: argument },
    }),
  ],
  [
    /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields\./,
    ([, field, type]) => ({
      message: `Field must have selections (field '${field}' returns ${type} but has no selections. Did you mean '${field} { ... }'?)`,
      extensions: { code: 'selectionMismatch', nodeName: `field '${field}'`, typeName: type },
    }),
  ],
  [
    /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields\./,
    ([, field, type]) => ({
      message: `Selections can't be made on scalars (field '${field}' returns ${type} but has selections)`,
      extensions: { code: 'selectionMismatch', nodeName: `field '${field}'`, typeName: type },
    }),
  ],
  [
    /^Variable "\$([^"]+)" is never used(?: in operation "([^"]+)")?\./,
    ([, name, operation]) => ({
      message: `Variable $${name} is declared by ${operation ?? 'anonymous query'} but not used`,
      extensions: { code: 'variableNotUsed', variableName: name },
    }),
  ],
  [
    /^Variable "\$([^"]+)" is not defined(?: by operation "([^"]+)")?\./,
    ([, name, operation]) => ({
      message: `Variable $${name} is used by ${operation ?? 'anonymous query'} but not declared`,
      extensions: { code: 'variableNotDefined', variableName: name },
    }),
  ],
  [
    /^Unknown directive "@([^"]+)"/,
    ([, name]) => ({
      message: `Directive @${name} is not defined`,
      extensions: { code: 'undefinedDirective', directiveName: name },
    }),
  ],
];

/** Formats syntax / validation errors of `document` (which may be undefined after a syntax error). */
export function formatValidationErrors(
  errors: readonly GraphQLError[],
  document: DocumentNode | undefined,
): ShopifyErrorJson[] {
  const paths = document ? astPaths(document) : new Map<ASTNode, string[]>();
  return errors.map((error) => {
    const out: ShopifyErrorJson = { message: error.message };
    if (error.locations) out.locations = error.locations.map(({ line, column }) => ({ line, column }));
    const node = error.nodes?.[0];
    const path = node ? paths.get(node) : undefined;
    if (path) out.path = path;
    if (!document) {
      out.extensions = { code: 'syntaxError' };
      return out;
    }
    for (const [pattern, rewrite] of REWRITES) {
      const match = pattern.exec(error.message);
      if (match) {
        const { message, extensions } = rewrite(match);
        return { ...out, message, extensions };
      }
    }
    out.extensions = { code: 'validationError' };
    return out;
  });
}

/** graphql-ruby style paths ("query Name", field names, "... on Type") for every selection node. */
function astPaths(document: DocumentNode): Map<ASTNode, string[]> {
  const paths = new Map<ASTNode, string[]>();
  const walk = (selectionSet: SelectionSetNode | undefined, prefix: string[]) => {
    for (const selection of selectionSet?.selections ?? []) {
      let label: string;
      if (selection.kind === Kind.FIELD) label = selection.name.value;
      else if (selection.kind === Kind.INLINE_FRAGMENT)
        label = selection.typeCondition ? `... on ${selection.typeCondition.name.value}` : '...';
      else label = `... ${selection.name.value}`;
      const path = [...prefix, label];
      paths.set(selection, path);
      if (selection.kind === Kind.FIELD)
        for (const argument of selection.arguments ?? []) paths.set(argument, path);
      if (selection.kind !== Kind.FRAGMENT_SPREAD) walk(selection.selectionSet, path);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      const root = definition.name
        ? `${definition.operation} ${definition.name.value}`
        : definition.operation;
      paths.set(definition, [root]);
      for (const variable of definition.variableDefinitions ?? []) paths.set(variable, [root]);
      walk(definition.selectionSet, [root]);
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      walk(definition.selectionSet, [`fragment ${definition.name.value}`]);
    }
  }
  return paths;
}
