import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/*
 * The runner protocol the actions use: inputs from INPUT_* variables, workflow commands on
 * stdout, outputs and the job summary appended to the files the runner names. It follows
 * @actions/core's documented formats; that package is not loaded because its HTTP client (for
 * OIDC tokens, unused here) more than doubles the time to the first log line.
 */

/** Annotation placement, as in `::error file=…,line=…,title=…::`. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
}

/** An input as the runner passes it: `INPUT_<NAME>` with spaces as underscores, hyphens kept. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  command('debug', {}, message);
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  command('notice', annotation(properties), message);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  command('warning', annotation(properties), message);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  command('error', annotation(properties), message);
}

/** Masks `secret` in every later log line. */
export function setSecret(secret: string): void {
  command('add-mask', {}, secret);
}

/** Marks the step failed with `message` as an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Runs `fn` inside a folded log group. */
export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  command('group', {}, title);
  try {
    return await fn();
  } finally {
    command('endgroup', {}, '');
  }
}

/** Sets a step output through the GITHUB_OUTPUT file (heredoc form, so values may span lines). */
export function setOutput(name: string, value: string | number): void {
  const file = process.env.GITHUB_OUTPUT;
  const text = String(value);
  if (!file) {
    process.stdout.write(`${EOL}::set-output name=${escapeProperty(name)}::${escapeData(text)}${EOL}`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || text.includes(delimiter)) throw new Error(`Unexpected input: output ${name} contains its delimiter.`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, 'utf8');
}

/** Appends Markdown to the job summary, when the runner provides one. */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown + EOL, 'utf8');
}

function annotation(p: AnnotationProperties): Record<string, string> {
  const props: Record<string, string> = {};
  if (p.title) props.title = p.title;
  if (p.file) props.file = p.file;
  if (p.startLine !== undefined) props.line = String(p.startLine);
  return props;
}

function command(name: string, properties: Record<string, string>, message: string): void {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
