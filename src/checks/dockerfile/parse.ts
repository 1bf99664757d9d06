/**
 * Dockerfile text → the typed model checks see (`input.ts`). Tokenising is dockerfile-ast's
 * (rcjsuen, the parser behind the VS Code Docker extension); on top of it this file joins
 * continuations the way BuildKit does (comment lines inside a continuation are dropped), reads
 * exec-form JSON, substitutes global ARG defaults into FROM, tracks SHELL per stage and splits
 * RUN (including heredoc scripts and `sh -c`) into shell commands.
 *
 * Input is attacker-controlled: the size is capped, and anything BuildKit itself would reject
 * (no FROM, an unknown instruction, an instruction before FROM) is a one-line MALFORMED_MANIFEST
 * error naming the file and line.
 */
import { DockerfileParser, type Instruction as AstInstruction } from 'dockerfile-ast';
import { BulwarkError } from '../../shared/errors.js';
import type { DockerfileCheckInput, FromImage, Instruction, ShellCommand, Stage } from './input.js';
import { onOneLine, splitShell, type LinedText } from './shell.js';
import { splitImageRef } from '../../shared/image-ref.js';

/** Larger than any real Dockerfile; bounds parse time on hostile input. */
export const MAX_DOCKERFILE_BYTES = 2 * 1024 * 1024;

const KNOWN = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);
const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);
const DEFAULT_SHELL = ['/bin/sh', '-c'];

interface Pos {
  line: number;
  character: number;
}

/** Joins the text between two positions, dropping `escape`+newline and comment lines inside continuations. */
function joinLines(doc: string[], start: Pos, end: Pos, escape: string): LinedText {
  let text = '';
  const lines: number[] = [];
  let continued = false;
  for (let l = start.line; l <= end.line && l < doc.length; l++) {
    let s = doc[l]!.replace(/\r$/, '');
    if (l === end.line) s = s.slice(0, end.character);
    if (l === start.line) s = s.slice(start.character);
    if (continued && (/^\s*#/.test(s) || s.trim() === '')) continue;
    const trimmed = s.replace(/[ \t]+$/, '');
    continued = trimmed.endsWith(escape) && l < end.line;
    const body = continued ? trimmed.slice(0, -1) : s;
    text += body;
    for (let i = 0; i < body.length; i++) lines.push(l + 1);
    if (!continued && l < end.line) {
      text += '\n';
      lines.push(l + 1);
    }
  }
  return { text, lines };
}

/** Parses a JSON array of strings (exec form); undefined when the text is shell form. */
function execForm(text: string): string[] | undefined {
  const t = text.trim();
  if (!t.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

function isPosix(shell: string[]): boolean {
  return POSIX_SHELLS.has((shell[0] ?? '').split('/').pop()!.replace(/\.exe$/, ''));
}

/** RUN's shell commands: exec form, heredoc script, or shell text. */
function runCommands(ast: AstInstruction, text: LinedText, exec: string[] | undefined, doc: string[], line: number): ShellCommand[] {
  if (exec) return exec.length ? splitExec(exec, line) : [];
  const heredocs = 'getHeredocs' in ast ? (ast as unknown as { getHeredocs(): { getContentRange(): { start: Pos; end: Pos } | null }[] }).getHeredocs() : [];
  const marker = /<<-?\s*(["']?)([A-Za-z_][\w.-]*)\1/g;
  const nl = text.text.indexOf('\n');
  const first = nl < 0 ? text.text : text.text.slice(0, nl);
  if (!heredocs.length || !marker.test(first)) return splitShell(text);
  // the heredoc's command is the first logical line; its body follows
  const command = first.replace(marker, (m) => ' '.repeat(m.length));
  const counter = { pipeline: 0, nested: 0 };
  const cmds = command.trim() ? splitShell({ text: command, lines: text.lines }, 0, counter) : [];
  const runsScript = !cmds.length || (cmds.length === 1 && isPosix(cmds[0]!.argv) && !cmds[0]!.argv.includes('-c'));
  if (!runsScript) return cmds;
  for (const h of heredocs) {
    const r = h.getContentRange();
    if (!r) continue;
    // a loop, not push(...): a hostile heredoc can hold more commands than the call stack has room for arguments
    for (const c of splitShell(joinLines(doc, { line: r.start.line, character: 0 }, { line: r.end.line, character: Number.MAX_SAFE_INTEGER }, '\u0000'), 0, counter)) cmds.push(c);
  }
  return cmds;
}

function splitExec(argv: string[], line: number): ShellCommand[] {
  const prog = (argv[0] ?? '').split('/').pop()!;
  if (POSIX_SHELLS.has(prog)) {
    const c = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
    if (c > 0 && argv[c + 1] !== undefined) {
      const inner = splitShell(onOneLine(argv[c + 1]!, line));
      return [{ argv, line, sep: '', pipeline: -1 }, ...inner.map((x) => ({ ...x, nested: true }))];
    }
  }
  return [{ argv, line, sep: '', pipeline: 0 }];
}

/** Replaces $NAME, ${NAME} and ${NAME:-default} with global ARG defaults. */
function substitute(value: string, args: Map<string, string | null>): { value: string; unresolved: boolean } {
  let unresolved = false;
  const out = value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const v = args.get((braced ?? bare)!);
    if (op === '+') return v ? (word ?? '') : '';
    if (v) return v;
    if (op === '-') return word ?? '';
    unresolved = true;
    return '';
  });
  return { value: out, unresolved };
}

/** Splits an image reference into name, tag and digest (the shared lenient split). */
export const parseImageRef = splitImageRef;

function fromImage(ins: Instruction, args: Map<string, string | null>, stages: Stage[]): FromImage {
  const raw = ins.words[0] ?? '';
  const alias = ins.words.length >= 3 && ins.words[1]!.toUpperCase() === 'AS' ? ins.words[2] : undefined;
  const sub = substitute(raw, args);
  const parent = stages.findIndex((s) => s.from.alias !== undefined && s.from.alias.toLowerCase() === sub.value.toLowerCase());
  const ref = parseImageRef(sub.value);
  return {
    line: ins.line,
    raw,
    image: sub.value,
    ...ref,
    alias,
    platform: ins.flags['platform'],
    unresolved: sub.unresolved,
    scratch: sub.value.toLowerCase() === 'scratch',
    parentStage: parent >= 0 ? parent : undefined,
  };
}

function fail(path: string, line: number | undefined, msg: string): never {
  throw new BulwarkError('MALFORMED_MANIFEST', `${path}${line ? `:${line}` : ''}: ${msg}`);
}

/** Builds one Instruction from dockerfile-ast's node. */
function toInstruction(ast: AstInstruction, doc: string[], escape: string, stage: number, shell: string[]): Instruction {
  const range = ast.getRange();
  const keyword = ast.getKeyword().toUpperCase();
  const astArgs = ast.getArguments();
  const start = astArgs[0]?.getRange().start;
  const text = start ? joinLines(doc, start, range.end, escape) : { text: '', lines: [] };
  const firstLine = text.text.split('\n')[0]!;
  const exec = ['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME'].includes(keyword) ? execForm(text.text) : undefined;
  const flags: Record<string, string> = {};
  if ('getFlags' in ast) for (const f of (ast as { getFlags(): { getName(): string; getValue(): string | null }[] }).getFlags()) flags[f.getName()] = f.getValue() ?? '';
  const ins: Instruction = {
    keyword,
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    flags,
    text: keyword === 'RUN' ? text.text : text.text.trim(),
    words: exec ?? astArgs.map((a) => a.getValue()),
    stage,
    shell,
  };
  if (['RUN', 'CMD', 'ENTRYPOINT', 'SHELL'].includes(keyword)) ins.form = exec ? 'exec' : 'shell';
  if (keyword === 'HEALTHCHECK') ins.form = execForm(firstLine.replace(/^\s*CMD\s+/i, '')) ? 'exec' : 'shell';
  if ('getProperties' in ast) ins.properties = (ast as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties().map((p) => ({ name: p.getName(), value: p.getValue() }));
  if (keyword === 'RUN' && isPosix(shell)) ins.commands = runCommands(ast, text, exec, doc, ins.line);
  if (keyword === 'ONBUILD' && /^\s*RUN\s/i.test(text.text) && isPosix(shell)) {
    const trigger = text.text.replace(/^\s*RUN\s/i, '');
    const ex = execForm(trigger);
    ins.commands = ex ? splitExec(ex, ins.line) : splitShell({ text: trigger, lines: text.lines.slice(text.text.length - trigger.length) });
  }
  return ins;
}

/** Parses Dockerfile text into stages and instructions. Throws a one-line BulwarkError on malformed input. */
export function parseDockerfile(text: string, path: string): DockerfileCheckInput {
  if (Buffer.byteLength(text, 'utf8') > MAX_DOCKERFILE_BYTES) fail(path, undefined, `Dockerfile is larger than ${MAX_DOCKERFILE_BYTES / 1024 / 1024} MiB`);
  if (text.includes('\u0000')) fail(path, undefined, 'not a text file (NUL bytes)');
  const ast = DockerfileParser.parse(text);
  const escape = ast.getEscapeCharacter();
  const doc = text.split('\n');
  const model: DockerfileCheckInput = { path, globalArgs: [], stages: [], instructions: [], escape };
  const globals = new Map<string, string | null>();
  let shell = DEFAULT_SHELL;
  for (const node of ast.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    const line = node.getRange().start.line + 1;
    if (!KNOWN.has(keyword)) fail(path, line, `unknown instruction ${JSON.stringify(node.getKeyword().slice(0, 40))}`);
    const stage = model.stages.length - 1;
    if (stage < 0 && keyword !== 'ARG' && keyword !== 'FROM') fail(path, line, `${keyword} before the first FROM`);
    const ins = toInstruction(node, doc, escape, keyword === 'FROM' ? stage + 1 : stage, shell);
    model.instructions.push(ins);
    if (keyword === 'FROM') {
      const from = fromImage(ins, globals, model.stages);
      const parent = from.parentStage !== undefined ? model.stages[from.parentStage] : undefined;
      shell = parent ? parent.instructions[parent.instructions.length - 1]!.shell : DEFAULT_SHELL;
      ins.shell = shell;
      model.stages.push({ index: stage + 1, from, instructions: [ins] });
    } else if (stage < 0) {
      model.globalArgs.push(ins);
      for (const p of ins.properties ?? []) globals.set(p.name, p.value);
    } else {
      if (keyword === 'SHELL' && ins.form === 'exec' && ins.words.length) shell = ins.words;
      model.stages[stage]!.instructions.push(ins);
    }
  }
  if (!model.stages.length) fail(path, undefined, 'no FROM instruction (is this a Dockerfile?)');
  return model;
}
