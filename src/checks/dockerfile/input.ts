/**
 * What Dockerfile checks see: a typed model of one Dockerfile, built by `parse.ts`.
 * Lines are 1-based and point at the file as written (continuations and heredocs included).
 */

/** One simple shell command inside a RUN (or a nested `sh -c`), after quote removal. */
export interface ShellCommand {
  /** words after quote removal, with redirections, leading shell keywords and `VAR=x` prefixes removed */
  argv: string[];
  /** 1-based line of the command's first word */
  line: number;
  /** the operator after this command: `&&`, `||`, `|`, `;`, `&`, or '' at the end */
  sep: string;
  /** commands joined by `|` share a pipeline number (unique within the instruction) */
  pipeline: number;
  /** true when the command came from a nested `sh -c "…"` script */
  nested?: boolean;
}

/** One instruction as written. */
export interface Instruction {
  /** upper-case keyword: FROM, RUN, COPY… */
  keyword: string;
  /** 1-based first and last line */
  line: number;
  endLine: number;
  /** `--name=value` flags (value '' for a bare flag) */
  flags: Record<string, string>;
  /** arguments after flags with continuations joined (shell text, or the raw JSON) */
  text: string;
  /** arguments split on whitespace (JSON strings for exec form) */
  words: string[];
  /** for RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK: JSON array form or shell form */
  form?: 'exec' | 'shell';
  /** RUN (and ONBUILD RUN): the shell commands, when the stage's SHELL is POSIX-like */
  commands?: ShellCommand[];
  /** ENV / ARG / LABEL: name and value pairs (value null for `ARG NAME`) */
  properties?: { name: string; value: string | null }[];
  /** index of the stage, -1 for the ARGs before the first FROM */
  stage: number;
  /** the SHELL in effect (exec form words) */
  shell: string[];
}

/** A FROM line, with ARGs substituted where their defaults are known. */
export interface FromImage {
  line: number;
  /** the image as written, e.g. "${BASE}" */
  raw: string;
  /** after ARG substitution */
  image: string;
  /** repository without registry-relative parts removed, e.g. "docker.io/library/node" is kept as written */
  name: string;
  tag?: string;
  digest?: string;
  alias?: string;
  platform?: string;
  /** a variable could not be resolved, so name/tag are uncertain */
  unresolved: boolean;
  scratch: boolean;
  /** index of an earlier stage this FROM builds on (`FROM build`) */
  parentStage?: number;
}

export interface Stage {
  index: number;
  from: FromImage;
  /** the stage's instructions, FROM first */
  instructions: Instruction[];
}

/** The input of every Dockerfile check. */
export interface DockerfileCheckInput {
  path: string;
  /** ARG instructions before the first FROM */
  globalArgs: Instruction[];
  stages: Stage[];
  /** every instruction in order */
  instructions: Instruction[];
  /** the parser directive `# escape=` (default backslash) */
  escape: string;
}
