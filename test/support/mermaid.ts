import { jest } from '@jest/globals';

/**
 * Mermaid's own parser, as GitHub's renderer uses it. Mermaid sanitises labels with DOMPurify,
 * which needs a browser DOM; the stand-in leaves text as it is (parsing does not depend on it).
 * Call at the top level of a test file, before anything imports mermaid.
 */
export function mermaidParser(): () => Promise<(text: string) => Promise<{ diagramType: string } | false>> {
  jest.unstable_mockModule('dompurify', () => ({
    default: { addHook() {}, removeHook() {}, removeAllHooks() {}, sanitize: (text: string) => text, isSupported: true }
  }));
  return async () => {
    const mermaid = (await import('mermaid')).default;
    return text => mermaid.parse(text) as Promise<{ diagramType: string } | false>;
  };
}

/** The contents of every ```mermaid block in `markdown`. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map(m => m[1]);
}
