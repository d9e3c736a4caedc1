// @ts-check
/**
 * The import rules of docs DESIGN §2, enforced so nobody has to remember them:
 *   contract  ← everyone; imports nothing of ours, nothing from Node or Electron (zod only)
 *   renderer  → contract only (and browser packages); never electron, Node built-ins, services
 *   services  → contract, db, native; never electron
 *   db        → contract; never electron
 *   native    → contract; never electron
 *   preload   → contract and electron only
 *   cli       → contract, services, db, native; never electron or main
 *   main      → anything of ours but renderer, cli
 * Hand-written (≈80 lines) rather than eslint-plugin-boundaries: that plugin needs an import
 * resolver configured for TypeScript paths, and this rule also has to know Node's built-ins.
 */
import path from 'node:path';
import { builtinModules } from 'node:module';

const repoRoot = path.resolve(import.meta.dirname, '..');

/** @type {Record<string, string>} folder (relative to the repo) → layer */
const layerFolders = {
  'electron/contract': 'contract',
  'electron/services': 'services',
  'electron/db': 'db',
  'electron/main': 'main',
  'electron/preload': 'preload',
  'electron/cli': 'cli',
  native: 'native',
  renderer: 'renderer',
};

/** @type {Record<string, {ours: string[], electron: boolean, node: boolean, packages: 'any' | string[]}>} */
const allowed = {
  contract: { ours: ['contract'], electron: false, node: false, packages: ['zod'] },
  renderer: { ours: ['renderer', 'contract'], electron: false, node: false, packages: 'any' },
  services: { ours: ['services', 'contract', 'db', 'native'], electron: false, node: true, packages: 'any' },
  db: { ours: ['db', 'contract'], electron: false, node: true, packages: 'any' },
  native: { ours: ['native', 'contract'], electron: false, node: true, packages: 'any' },
  preload: { ours: ['preload', 'contract'], electron: true, node: false, packages: [] },
  cli: { ours: ['cli', 'contract', 'services', 'db', 'native'], electron: false, node: true, packages: 'any' },
  main: { ours: ['main', 'contract', 'services', 'db', 'native', 'preload'], electron: true, node: true, packages: 'any' },
};

/** @param {string} file absolute path @returns {string | null} */
export function layerOf(file) {
  const rel = path.relative(repoRoot, file).split(path.sep).join('/');
  for (const [folder, layer] of Object.entries(layerFolders)) {
    if (rel === folder || rel.startsWith(`${folder}/`)) return layer;
  }
  return null;
}

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** @param {string} specifier */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/**
 * @param {string} fromFile
 * @param {string} specifier
 * @returns {string | null} why the import is not allowed, or null
 */
export function checkImport(fromFile, specifier) {
  const layer = layerOf(fromFile);
  if (layer === null) return null;
  const rules = allowed[layer];
  if (!rules) return null;
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = layerOf(path.resolve(path.dirname(fromFile), specifier));
    if (target === null) {
      return layer === 'contract' || layer === 'renderer' ? `${layer} may not import "${specifier}" (outside the layers)` : null;
    }
    return rules.ours.includes(target) ? null : `${layer} may not import ${target} ("${specifier}")`;
  }
  if (specifier === 'electron' || specifier.startsWith('electron/')) {
    return rules.electron ? null : `${layer} may not import electron: whatever Electron gives it must arrive as a constructor argument`;
  }
  if (nodeBuiltins.has(specifier) || nodeBuiltins.has(packageName(specifier))) {
    return rules.node ? null : `${layer} may not import the Node built-in "${specifier}"`;
  }
  if (rules.packages === 'any') return null;
  return rules.packages.includes(packageName(specifier)) ? null : `${layer} may not import the package "${specifier}"`;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforces the layer import rules of DESIGN.md §2' },
    schema: [],
    messages: { forbidden: '{{why}} (DESIGN.md §2)' },
  },
  create(context) {
    const file = context.filename;
    /** @param {import('estree').Node & { source?: import('estree').Node | null }} node */
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const why = checkImport(file, source.value);
      if (why) context.report({ node: source, messageId: 'forbidden', data: { why } });
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
      /** @param {import('estree').CallExpression} node */
      CallExpression(node) {
        const arg = node.arguments[0];
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && arg && arg.type === 'Literal' && typeof arg.value === 'string') {
          const why = checkImport(file, arg.value);
          if (why) context.report({ node: arg, messageId: 'forbidden', data: { why } });
        }
      },
    };
  },
};

export default { rules: { layers: layersRule } };
