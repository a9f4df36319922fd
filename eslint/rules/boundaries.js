import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * The layers of DESIGN.md as an import-direction rule: which file may import what, and which
 * host globals it may touch. No published plugin knows this project's layers; this one is small
 * and is tested with ESLint's RuleTester (test/unit/eslint/boundaries.test.ts).
 *
 * - shared/ is pure TypeScript: nothing outside shared/, no Node, no Electron, no dexie, no React,
 *   and no DOM or Node globals.
 * - renderer/ never imports electron/ or Node, nor uses Node globals.
 * - a renderer feature never imports another feature or the app shell (renderer/app); ui/, db/,
 *   platform/ and workers/ import no feature at all.
 * - only electron/preload.ts touches contextBridge and ipcRenderer.
 */

const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

function isNodeBuiltin(source) {
  return source.startsWith('node:') || NODE_BUILTINS.has(source.split('/')[0]);
}

/** Packages that need the DOM, IndexedDB, React or Electron: never in shared/. */
const HOST_PACKAGES = [
  /^electron$/,
  /^dexie($|\/)/,
  /^dexie-react-hooks$/,
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@xyflow\//,
  /^wouter($|\/)/,
  /^@tanstack\/react-/,
];

const NODE_GLOBALS = [
  'Buffer',
  'process',
  'require',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
  'module',
  'exports',
];
const DOM_GLOBALS = [
  'document',
  'window',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'self',
  'location',
  'HTMLElement',
  'Worker',
];

const LOWER_RENDERER_LAYERS = ['ui', 'db', 'platform', 'workers'];
const PRELOAD_ONLY = new Set(['contextBridge', 'ipcRenderer']);

/** "shared/x/y.ts" -> { layer: 'shared', feature: undefined }; renderer features name their folder. */
function placeOf(relative) {
  const parts = relative.split('/');
  const [layer, second, third] = parts;
  if (layer === 'renderer' && second === 'features' && third !== undefined && parts.length > 3)
    return { layer, area: 'features', feature: third };
  if (layer === 'renderer') return { layer, area: parts.length > 2 ? second : undefined };
  return { layer };
}

function toPosix(p) {
  return p.split(path.sep).join('/');
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports and host globals within the layers of DESIGN.md.' },
    schema: [],
    messages: {
      sharedImport: "shared/ is pure TypeScript and may not import '{{source}}' ({{why}}).",
      sharedGlobal: "shared/ is pure TypeScript and may not use the {{host}} global '{{name}}'.",
      rendererImport: "renderer/ may not import '{{source}}' ({{why}}).",
      rendererGlobal:
        "renderer/ may not use the Node global '{{name}}'; ask the host through the platform bridge.",
      crossFeature:
        "The {{feature}} feature may not import '{{source}}' from the {{other}} feature: move what both use to ui/, db/ or shared/, or register it through the workspace registry.",
      shellImport:
        "'{{source}}' is the app shell (renderer/app): features and lower layers may not import it.",
      lowerImport:
        "renderer/{{area}}/ may not import the feature '{{source}}': features build on it, not the other way round.",
      preloadOnly: "Only electron/preload.ts touches '{{name}}'.",
    },
  },
  create(context) {
    const cwd = context.cwd ?? process.cwd();
    const filename = context.filename ?? context.getFilename();
    const relative = toPosix(path.relative(cwd, filename));
    if (relative.startsWith('..') || relative.endsWith('.d.ts')) return {};
    const place = placeOf(relative);
    const isPreload = relative === 'electron/preload.ts';
    const guarded = ['shared', 'renderer', 'electron'].includes(place.layer);
    if (!guarded) return {};

    function checkRelative(node, source) {
      const target = toPosix(path.relative(cwd, path.resolve(path.dirname(filename), source)));
      const to = placeOf(target);
      if (place.layer === 'shared' && to.layer !== 'shared') {
        context.report({
          node,
          messageId: 'sharedImport',
          data: { source, why: `${to.layer}/ is outside shared/` },
        });
        return;
      }
      if (place.layer === 'renderer' && to.layer === 'electron') {
        context.report({
          node,
          messageId: 'rendererImport',
          data: { source, why: 'electron/ is the host process' },
        });
        return;
      }
      if (place.layer !== 'renderer' || to.layer !== 'renderer') return;
      if (to.area === 'app' && place.area !== 'app' && place.area !== undefined) {
        context.report({ node, messageId: 'shellImport', data: { source } });
      } else if (place.feature && to.feature && to.feature !== place.feature) {
        context.report({
          node,
          messageId: 'crossFeature',
          data: { source, feature: place.feature, other: to.feature },
        });
      } else if (LOWER_RENDERER_LAYERS.includes(place.area) && to.area === 'features') {
        context.report({ node, messageId: 'lowerImport', data: { source, area: place.area } });
      }
    }

    function checkPackage(node, source) {
      if (place.layer === 'shared') {
        if (isNodeBuiltin(source))
          context.report({ node, messageId: 'sharedImport', data: { source, why: 'a Node built-in' } });
        else if (HOST_PACKAGES.some((pattern) => pattern.test(source)))
          context.report({
            node,
            messageId: 'sharedImport',
            data: { source, why: 'it needs a host: DOM, IndexedDB, React or Electron' },
          });
      } else if (place.layer === 'renderer') {
        if (isNodeBuiltin(source))
          context.report({ node, messageId: 'rendererImport', data: { source, why: 'a Node built-in' } });
        else if (source === 'electron')
          context.report({
            node,
            messageId: 'rendererImport',
            data: { source, why: 'only electron/ talks to Electron' },
          });
      }
    }

    function checkSource(node, sourceNode) {
      if (!sourceNode || sourceNode.type !== 'Literal' || typeof sourceNode.value !== 'string') return;
      const source = sourceNode.value;
      if (source.startsWith('.')) checkRelative(node, source);
      else checkPackage(node, source);
    }

    function checkGlobal(reference) {
      const { name } = reference.identifier;
      if (place.layer === 'shared') {
        const host = NODE_GLOBALS.includes(name) ? 'Node' : DOM_GLOBALS.includes(name) ? 'DOM' : null;
        if (host)
          context.report({ node: reference.identifier, messageId: 'sharedGlobal', data: { name, host } });
      } else if (place.layer === 'renderer' && NODE_GLOBALS.includes(name)) {
        context.report({ node: reference.identifier, messageId: 'rendererGlobal', data: { name } });
      }
    }

    return {
      ImportDeclaration(node) {
        checkSource(node, node.source);
        if (!isPreload && node.source.value === 'electron') {
          for (const specifier of node.specifiers) {
            if (specifier.type === 'ImportSpecifier' && PRELOAD_ONLY.has(specifier.imported.name))
              context.report({
                node: specifier,
                messageId: 'preloadOnly',
                data: { name: specifier.imported.name },
              });
          }
        }
      },
      ExportAllDeclaration: (node) => checkSource(node, node.source),
      ExportNamedDeclaration: (node) => checkSource(node, node.source),
      ImportExpression: (node) => checkSource(node, node.source),
      MemberExpression(node) {
        if (isPreload || node.computed || node.property.type !== 'Identifier') return;
        if (PRELOAD_ONLY.has(node.property.name))
          context.report({
            node: node.property,
            messageId: 'preloadOnly',
            data: { name: node.property.name },
          });
        // globalThis.document and friends are the same globals by another road.
        if (node.object.type === 'Identifier' && node.object.name === 'globalThis')
          checkGlobal({ identifier: node.property });
      },
      'Program:exit'(program) {
        const globalScope = context.sourceCode.getScope(program);
        // Unresolved names, and names that resolve only to configured globals (no declaration here).
        for (const reference of globalScope.through) checkGlobal(reference);
        for (const variable of globalScope.variables) {
          if (variable.defs.length > 0) continue;
          for (const reference of variable.references) checkGlobal(reference);
        }
      },
    };
  },
};
