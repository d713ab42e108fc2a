// Reads a source tree (as a map of path -> text, so tests can hand it a small made-up tree) and checks the
// rules in rules.ts: the boundary table, import cycles (static imports, import() and require(), including a
// require of a computed path, which may load any file of its folder), and the line budgets.
import * as path from 'node:path';
import { builtinModules } from 'node:module';
import ts from 'typescript';
import type { RoomRule } from './rules';

export type SourceTree = ReadonlyMap<string, string>;

export interface ImportRef {
  /** What was written ('./x', 'discord.js'); null for a require/import of a computed path. */
  spec: string | null;
  typeOnly: boolean;
  line: number;
}

const BUILTINS = new Set(builtinModules);

function lineOf(sf: ts.SourceFile, node: ts.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // import 'x' runs x
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** Every import, export-from, import(), require() and import('x').T in a file. */
export function importsOf(file: string, text: string): ImportRef[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: ImportRef[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ spec: node.moduleSpecifier.text, typeOnly: isTypeOnlyImport(node), line: lineOf(sf, node) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly, line: lineOf(sf, node) });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push({ spec: node.argument.literal.text, typeOnly: true, line: lineOf(sf, node) });
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      if ((isRequire || isDynamicImport) && node.arguments.length > 0) {
        const arg = node.arguments[0];
        const spec = ts.isStringLiteralLike(arg) ? arg.text : null;
        out.push({ spec, typeOnly: false, line: lineOf(sf, node) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The file a relative import names (x.ts or x/index.ts), or null when it is not in the tree. */
export function resolveRelative(from: string, spec: string, tree: SourceTree): string | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) if (tree.has(candidate)) return candidate;
  return null;
}

/** The package an import names ('@scope/name' or 'name'), or null for relative paths and node built-ins. */
export function packageOf(spec: string): string | null {
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0])) return null;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The room a file lives in: src/briefings/** is one room (the core); src/discord/<sub>/ are rooms of their
 * own; a file directly in src/ is 'entry' when it starts a program, else 'config'; bench/** is 'bench'.
 * Files elsewhere (tests) belong to no room and are not checked.
 */
export function roomOf(file: string, entryFiles: ReadonlySet<string>): string | null {
  if (file.startsWith('bench/')) return 'bench';
  if (!file.startsWith('src/')) return null;
  const parts = file.slice(4).split('/');
  if (parts.length === 1) return entryFiles.has(file) ? 'entry' : 'config';
  if (parts[0] === 'discord' && parts.length > 2) return `discord/${parts[1]}`;
  return parts[0];
}

export interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
  line: number;
}

/**
 * File-to-file edges. A file that lists its folder (readdir) and require()s a computed path is a loader: it
 * may load any file of that folder (as the command loader does), so that counts as an edge to each of them.
 */
export function fileEdges(tree: SourceTree): Edge[] {
  const edges: Edge[] = [];
  for (const [file, text] of tree) {
    const loader = /\breaddir(Sync)?\b/.test(text);
    for (const ref of importsOf(file, text)) {
      if (ref.spec === null) {
        if (!loader) continue;
        const dir = path.posix.dirname(file);
        for (const other of tree.keys()) {
          if (other !== file && path.posix.dirname(other) === dir) edges.push({ from: file, to: other, typeOnly: false, line: ref.line });
        }
        continue;
      }
      if (!ref.spec.startsWith('.')) continue;
      const to = resolveRelative(file, ref.spec, tree);
      if (to) edges.push({ from: file, to, typeOnly: ref.typeOnly, line: ref.line });
    }
  }
  return edges;
}

export interface BoundaryOptions {
  rules: Record<string, RoomRule>;
  ownedPackages: readonly string[];
  entryFiles: ReadonlySet<string>;
  /** The core's public face, e.g. src/briefings/index.ts; null to skip the face check. */
  coreFace: string | null;
  faceExempt: Record<string, string>;
}

/** Every import that breaks the boundary table, as 'file:line: what'. */
export function boundaryViolations(tree: SourceTree, opts: BoundaryOptions): string[] {
  const out: string[] = [];
  for (const [file, text] of tree) {
    const room = roomOf(file, opts.entryFiles);
    if (room === null) continue;
    const rule = opts.rules[room];
    if (!rule) {
      out.push(`${file}: room "${room}" is not in the boundary table`);
      continue;
    }
    for (const ref of importsOf(file, text)) {
      if (ref.spec === null) continue;
      const pkg = packageOf(ref.spec);
      if (pkg !== null) {
        if (opts.ownedPackages.includes(pkg) && !(rule.packages ?? []).includes(pkg)) out.push(`${file}:${ref.line}: ${room} may not import ${pkg}`);
        continue;
      }
      if (!ref.spec.startsWith('.')) continue;
      const target = resolveRelative(file, ref.spec, tree);
      if (!target) continue;
      const to = roomOf(target, opts.entryFiles);
      if (to === null || to === room) continue;
      const allowed = rule.may.includes(to) || (ref.typeOnly && (rule.typesFrom ?? []).includes(to));
      if (!allowed) {
        const typesNote = (rule.typesFrom ?? []).includes(to) ? ' (types only)' : '';
        out.push(`${file}:${ref.line}: ${room} may not import ${to}${typesNote} (${ref.spec})`);
      } else if (to === 'briefings' && opts.coreFace && target !== opts.coreFace && !opts.faceExempt[file]) {
        out.push(`${file}:${ref.line}: imports ${target}; outside the core import only ${opts.coreFace}`);
      }
    }
  }
  return out.sort();
}

/** Import cycles among files that run (type-only imports vanish at run time), each as 'a -> b -> a'. */
export function fileCycles(tree: SourceTree): string[] {
  const next = new Map<string, string[]>();
  for (const e of fileEdges(tree)) if (!e.typeOnly) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  return stronglyConnected([...tree.keys()], next).map((c) => [...c, c[0]].join(' -> '));
}

/** Cycles among rooms, counting every import (types too): two rooms that import each other are one room. */
export function roomCycles(tree: SourceTree, entryFiles: ReadonlySet<string>): string[] {
  const next = new Map<string, string[]>();
  const rooms = new Set<string>();
  for (const e of fileEdges(tree)) {
    const a = roomOf(e.from, entryFiles);
    const b = roomOf(e.to, entryFiles);
    if (a === null || b === null || a === b) continue;
    rooms.add(a).add(b);
    if (!(next.get(a) ?? []).includes(b)) next.set(a, [...(next.get(a) ?? []), b]);
  }
  return stronglyConnected([...rooms], next).map((c) => [...c, c[0]].join(' -> '));
}

/** Tarjan's algorithm: groups of nodes that reach each other (single nodes only with a self-edge). */
function stronglyConnected(nodes: string[], next: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (next.get(v) ?? []).includes(v)) groups.push(group.reverse());
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return groups;
}

export interface FunctionSize {
  /** 'path:name' (methods as Class.method; unnamed functions as <anonymous>@line; inner ones as outer/inner). */
  id: string;
  lines: number;
  /** Ids of the functions it is written inside, outermost first. */
  within: string[];
}

function functionName(node: ts.FunctionLikeDeclaration, sf: ts.SourceFile): string {
  const own = node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : null;
  const parent = node.parent;
  if (ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) {
    const cls = ts.isClassLike(parent) && parent.name ? parent.name.text : null;
    const method = own ?? (ts.isConstructorDeclaration(node) ? 'constructor' : '<method>');
    return cls ? `${cls}.${method}` : method;
  }
  if (own) return own;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return `<anonymous>@${lineOf(sf, node)}`;
}

/** The length in lines of every function in a file, outer functions including their inner ones. */
export function functionSizes(file: string, text: string): FunctionSize[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: FunctionSize[] = [];
  const visit = (node: ts.Node, within: string[]): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      const start = sf.getLineAndCharacterOfPosition(fn.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(fn.getEnd()).line;
      const name = functionName(fn, sf);
      const id = within.length ? `${within[within.length - 1]}/${name}` : `${file}:${name}`;
      out.push({ id, lines: end - start + 1, within });
      ts.forEachChild(node, (child) => visit(child, [...within, id]));
      return;
    }
    ts.forEachChild(node, (child) => visit(child, within));
  };
  visit(sf, []);
  return out;
}

export interface Budgets {
  fileLines: number;
  functionLines: number;
  fileExempt: Record<string, string>;
  /** An exempt function's inner functions are exempt with it. */
  functionExempt: Record<string, string>;
  /** Whether a file's functions are measured (test files' describe blocks are a spec's chapters, not functions). */
  measureFunctions?: (file: string) => boolean;
}

/** Files and functions over their budgets, unless exempted by name. */
export function budgetViolations(tree: SourceTree, budget: Budgets): string[] {
  const out: string[] = [];
  for (const [file, text] of tree) {
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > budget.fileLines && !budget.fileExempt[file]) out.push(`${file}: ${lines} lines (budget ${budget.fileLines})`);
    if (budget.measureFunctions && !budget.measureFunctions(file)) continue;
    for (const f of functionSizes(file, text)) {
      const exempt = [f.id, ...f.within].some((id) => budget.functionExempt[id]);
      if (f.lines > budget.functionLines && !exempt) out.push(`${f.id}: ${f.lines} lines (budget ${budget.functionLines})`);
    }
  }
  return out.sort();
}
