/**
 * A small POSIX shell splitter for RUN: enough to see each simple command and the operators
 * between them (`&&`, `||`, `;`, `|`, `&`, newlines), with quotes removed and redirections dropped.
 * It is not a shell: `$(…)`, backticks and `<(…)` stay inside their word, and control flow is
 * flattened (the commands of `if`/`for`/`while` bodies are listed like any other). It runs in
 * linear time on any input, so hostile RUN lines cannot stall it.
 */
import type { ShellCommand } from './input.js';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'fi', 'done', 'esac', 'time']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
const MAX_NESTING = 2;

/** Text whose characters each carry the 1-based Dockerfile line they came from. */
export interface LinedText {
  text: string;
  lines: number[];
}

interface Word {
  value: string;
  line: number;
  redirect: boolean;
}

/** Reads a balanced `(…)` starting at `open`; returns the index after the closing paren. */
function skipBalanced(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      i = end < 0 ? s.length : end;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return s.length;
}

/** Strips leading shell keywords and `VAR=value` prefixes from a command's words. */
function normalise(words: string[]): string[] {
  let i = 0;
  while (i < words.length && (KEYWORDS.has(words[i]!) || ASSIGNMENT.test(words[i]!))) i++;
  return words.slice(i);
}

/** Splits shell text into simple commands. `nested` marks commands from `sh -c`. */
export function splitShell(src: LinedText, depth = 0, counter = { pipeline: 0, nested: 0 }): ShellCommand[] {
  const { text: s, lines } = src;
  const out: ShellCommand[] = [];
  let words: Word[] = [];
  let cur = '';
  let inWord = false;
  let wordLine = 0;
  let redirectNext = false;

  const endWord = (): void => {
    if (inWord) words.push({ value: cur, line: wordLine, redirect: redirectNext });
    if (inWord) redirectNext = false;
    cur = '';
    inWord = false;
  };
  const startWord = (i: number): void => {
    if (!inWord) {
      inWord = true;
      wordLine = lines[Math.min(i, lines.length - 1)] ?? 1;
    }
  };
  const endCommand = (sep: string): void => {
    endWord();
    const argv = normalise(words.filter((w) => !w.redirect).map((w) => w.value));
    const line = words.find((w) => !w.redirect)?.line ?? 0;
    words = [];
    redirectNext = false;
    if (argv.length) {
      out.push({ argv, line, sep, pipeline: counter.pipeline });
      if (sep !== '|') counter.pipeline++;
      if (depth < MAX_NESTING) for (const n of nestedScript(argv, line, depth, counter)) out.push(n);
    } else if (sep !== '|' && sep !== '') {
      // `fi;`, `done &&`: keep the operator on the previous command so pipelines stay right
      const prev = out[out.length - 1];
      if (prev && (sep === '&&' || sep === '||')) prev.sep = sep;
    }
  };

  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const next = s[i + 1];
    if (c === ' ' || c === '\t' || c === '\r') endWord();
    else if (c === '\n') endCommand(';');
    else if (c === '#' && !inWord) {
      const nl = s.indexOf('\n', i);
      i = (nl < 0 ? s.length : nl) - 1;
    } else if (c === "'") {
      startWord(i);
      const end = s.indexOf("'", i + 1);
      cur += s.slice(i + 1, end < 0 ? s.length : end);
      i = end < 0 ? s.length : end;
    } else if (c === '"') {
      startWord(i);
      let j = i + 1;
      for (; j < s.length && s[j] !== '"'; j++) {
        if (s[j] === '\\' && j + 1 < s.length && '"\\$`\n'.includes(s[j + 1]!)) {
          j++;
          if (s[j] !== '\n') cur += s[j];
        } else cur += s[j];
      }
      i = j;
    } else if (c === '\\') {
      if (next !== '\n') {
        startWord(i);
        if (next !== undefined) cur += next;
      }
      i++;
    } else if ((c === '$' || c === '<' || c === '>') && next === '(') {
      startWord(i);
      const end = skipBalanced(s, i + 1);
      cur += s.slice(i, end);
      i = end - 1;
    } else if (c === '`') {
      startWord(i);
      const end = s.indexOf('`', i + 1);
      cur += s.slice(i, end < 0 ? s.length : end + 1);
      i = end < 0 ? s.length : end;
    } else if (c === '&' && next === '&') {
      endCommand('&&');
      i++;
    } else if (c === '|' && next === '|') {
      endCommand('||');
      i++;
    } else if (c === '|') {
      endCommand('|');
      if (next === '&') i++;
    } else if (c === ';') {
      endCommand(';');
      if (next === ';') i++;
    } else if (c === '&' && next === '>') {
      endWord();
      redirectNext = true;
      i += s[i + 2] === '>' ? 2 : 1;
    } else if (c === '&') endCommand('&');
    else if (c === '(' || c === ')') endCommand(';');
    else if (c === '>' || c === '<') {
      // `2>`, `>>`, `>&2`, `<<<`: drop the operator and the word it applies to
      if (inWord && /^\d+$/.test(cur)) {
        cur = '';
        inWord = false;
      } else endWord();
      while (s[i + 1] === '>' || s[i + 1] === '<' || s[i + 1] === '&' || s[i + 1] === '|') i++;
      redirectNext = true;
      if (/[0-9-]/.test(s[i + 1] ?? '') && s[i] === '&') {
        while (/[0-9-]/.test(s[i + 1] ?? '')) i++;
        redirectNext = false;
      }
    } else {
      startWord(i);
      cur += c;
    }
  }
  endCommand('');
  if (out.length) out[out.length - 1]!.sep = out[out.length - 1]!.sep === ';' ? '' : out[out.length - 1]!.sep;
  return out;
}

/** `sh -c "script"` and `bash -lc 'script'`: the script's own commands, marked nested. */
function nestedScript(argv: string[], line: number, depth: number, counter: { pipeline: number; nested: number }): ShellCommand[] {
  const prog = argv[0]!.split('/').pop()!;
  if (!SHELLS.has(prog)) return [];
  const c = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
  const script = c > 0 ? argv[c + 1] : undefined;
  if (script === undefined) return [];
  // nested pipelines get negative numbers so they never join the outer command's pipeline
  const own = { pipeline: 0, nested: counter.nested };
  const inner = splitShell({ text: script, lines: [line] }, depth + 1, own);
  for (const cmd of inner) {
    cmd.line = line;
    cmd.nested = true;
    if (cmd.pipeline >= 0) cmd.pipeline = -(counter.nested + cmd.pipeline + 1);
  }
  counter.nested = Math.max(own.nested, counter.nested + own.pipeline + 1);
  return inner;
}

/** Wraps text that came from one line (exec-form arrays, nested scripts). */
export function onOneLine(text: string, line: number): LinedText {
  return { text, lines: [line] };
}
