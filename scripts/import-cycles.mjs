// Lists the import cycles between files under src/, counting `import type` too (eslint's
// import-x/no-cycle counts only imports that remain at run time). Exits 1 when there is one.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const options = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .filter(f => f.endsWith('.ts'))
  .map(f => join(root, 'src', f));

/** file -> the files under src/ it imports (statically, dynamically, or for types only). */
const edges = new Map(
  files.map(file => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
      .filter(target => target && isUnderSrc(target));
    return [file, [...new Set(targets)]];
  })
);

function isUnderSrc(file) {
  return !relative(join(root, 'src'), file).startsWith('..') && !file.includes('/node_modules/');
}

// Tarjan's strongly connected components: each component of more than one file holds a cycle.
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
let next = 0;
function visit(file) {
  index.set(file, next);
  low.set(file, next++);
  stack.push(file);
  onStack.add(file);
  for (const target of edges.get(file) ?? []) {
    if (!index.has(target)) {
      visit(target);
      low.set(file, Math.min(low.get(file), low.get(target)));
    } else if (onStack.has(target)) low.set(file, Math.min(low.get(file), index.get(target)));
  }
  if (low.get(file) !== index.get(file)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    onStack.delete(member);
    component.push(member);
  } while (member !== file);
  if (component.length > 1) cycles.push(component.map(f => relative(root, f)).sort());
}
for (const file of files) if (!index.has(file)) visit(file);

if (cycles.length === 0) {
  console.log(`No import cycles among ${files.length} files under src/.`);
} else {
  console.error(
    `${cycles.length} import cycle(s) under src/, type-only imports included; each line is a set of files that import one another in a cycle:`
  );
  for (const cycle of cycles) console.error(`  ${cycle.join(', ')}`);
  process.exitCode = 1;
}
