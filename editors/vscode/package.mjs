// Packages the extension as a .vsix with @vscode/vsce (a devDependency, pinned in package-lock.json):
//   npm ci --ignore-scripts && npm run package [-- --out DIR]
// writes DIR/alliancerules-VERSION.vsix, by default bench/out/vscode/ in the repository (ignored by git).
// vsce bundles the production dependencies (vscode-languageclient) from node_modules and leaves out
// what .vscodeignore names (the tests, this script, the dev dependencies).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let out = path.resolve(here, '..', '..', 'bench', 'out', 'vscode');
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out' && i + 1 < args.length) out = path.resolve(args[++i]);
  else {
    console.error(`package.mjs: unknown argument '${args[i]}'; usage: node package.mjs [--out DIR]`);
    process.exit(2);
  }
}
const manifest = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
const vsce = path.join(here, 'node_modules', '@vscode', 'vsce', 'vsce');
if (!fs.existsSync(vsce) || !fs.existsSync(path.join(here, 'node_modules', 'vscode-languageclient'))) {
  console.error(`package.mjs: the packages are not installed; run first: cd ${here} && npm ci --ignore-scripts`);
  process.exit(1);
}
fs.mkdirSync(out, { recursive: true });
const vsix = path.join(out, `${manifest.name}-${manifest.version}.vsix`);
// The repository has no public address and no LICENSE file of its own yet; say so rather than be asked.
const result = spawnSync(process.execPath, [vsce, 'package', '--out', vsix, '--allow-missing-repository', '--skip-license'], {
  cwd: here,
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (result.error) {
  console.error(`package.mjs: could not run vsce: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0 || !fs.existsSync(vsix)) {
  console.error(`package.mjs: vsce package failed (exit status ${result.status})`);
  process.exit(1);
}
console.log(`packaged ${vsix}`);
