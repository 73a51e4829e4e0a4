import { LineCounter, parseDocument, isNode } from 'yaml';
import type { Document } from 'yaml';
import { checkPackReferences } from './check-pack-references.js';
import { PolicyFileError } from './policy-file-error.js';
import { policyPackSchema } from './policy-pack-schema.js';
import type { PolicyPack } from './policy-pack-schema.js';

interface Located {
  document: Document;
  lines: LineCounter;
}

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function parseYamlSyntax(source: string, fileName: string, schema: 'core' | 'json'): Located {
  const lines = new LineCounter();
  const document = parseDocument(source, { lineCounter: lines, schema, prettyErrors: false });
  const first = document.errors[0];
  if (first != null) {
    const position = lines.linePos(first.pos[0]);
    const detail = `syntax error: ${first.message.split('\n')[0]}`;
    throw new PolicyFileError(fileName, detail, { line: position.line, column: position.col });
  }
  return { document, lines };
}

/**
 * JSON.parse is the judge of JSON syntax; its message carries an offset only for some errors, so
 * the position otherwise comes from the yaml parser in JSON mode or from the offending token.
 */
function parseJsonSyntax(source: string, fileName: string): Located {
  try {
    JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(message)?.[1];
    if (offset != null) {
      throw new PolicyFileError(
        fileName,
        `syntax error: ${message}`,
        lineAndColumn(source, Number(offset)),
      );
    }
    parseYamlSyntax(source, fileName, 'json');
    const token = /Unexpected token '(.)'/.exec(message)?.[1];
    const at = token != null ? source.indexOf(token) : source.length;
    throw new PolicyFileError(fileName, `syntax error: ${message}`, lineAndColumn(source, at));
  }
  return parseYamlSyntax(source, fileName, 'json');
}

function schemaError(
  fileName: string,
  located: Located,
  issue: { path: PropertyKey[]; message: string },
): PolicyFileError {
  const path = issue.path.map(String).join('.');
  const node = located.document.getIn(issue.path as unknown[], true);
  const range = isNode(node) ? node.range : undefined;
  const parentPath = issue.path.slice(0, -1);
  const parent = range == null ? located.document.getIn(parentPath as unknown[], true) : node;
  const offset = range?.[0] ?? (isNode(parent) ? parent.range?.[0] : undefined);
  const position = offset != null ? located.lines.linePos(offset) : undefined;
  const where = path === '' ? 'the top level' : path;
  return new PolicyFileError(fileName, `at ${where}: ${issue.message}`, {
    path,
    ...(position != null ? { line: position.line, column: position.col } : {}),
  });
}

/**
 * Reads a policy pack: JSON when the file name ends in `.json`, YAML otherwise. Throws a
 * PolicyFileError naming the file and line for syntax errors, and the key path for schema errors.
 */
export function parsePolicyPack(source: string, fileName: string): PolicyPack {
  const located = fileName.toLowerCase().endsWith('.json')
    ? parseJsonSyntax(source, fileName)
    : parseYamlSyntax(source, fileName, 'core');
  const parsed = policyPackSchema.safeParse(located.document.toJS());
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    if (first == null) throw new PolicyFileError(fileName, 'not a policy pack');
    throw schemaError(fileName, located, first);
  }
  const problem = checkPackReferences(parsed.data);
  if (problem != null) throw schemaError(fileName, located, problem);
  return parsed.data;
}
