// The extension's command lines, tested in Node without VS Code: lib/command.js directly, and
// extension.js activated with stand-ins for the 'vscode' module (which exists only inside VS Code)
// and for vscode-languageclient's LanguageClient, to see the server options it is given.
//
//   node editors/vscode/test/extension.test.mjs
//
// Needs `npm ci --ignore-scripts` in editors/vscode first. Exits 0 when every check holds.
import assert from 'node:assert/strict';
import path from 'node:path';
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionFolder = path.resolve(here, '..');
const require = createRequire(path.join(extensionFolder, 'extension.js'));
const commands = require('./lib/command.js');

const checks = [];
function test(name, body) {
  checks.push([name, body]);
}

test('the default setting starts `alliance lsp --stdio`', () => {
  for (const setting of [undefined, null, '', '   ', 'alliance']) {
    assert.deepEqual(commands.serverCommand(setting), { command: 'alliance', args: ['lsp', '--stdio'] });
  }
});
test('a path to the executable is used as it is', () => {
  assert.deepEqual(commands.serverCommand('/opt/alliance/alliance'), { command: '/opt/alliance/alliance', args: ['lsp', '--stdio'] });
  assert.deepEqual(commands.serverCommand('C:\\Tools\\alliance.exe'), { command: 'C:\\Tools\\alliance.exe', args: ['lsp', '--stdio'] });
});
test('a command line keeps its words, quoted ones whole', () => {
  assert.deepEqual(commands.serverCommand('dotnet /src/bin/alliance.dll'), { command: 'dotnet', args: ['/src/bin/alliance.dll', 'lsp', '--stdio'] });
  assert.deepEqual(commands.serverCommand('dotnet "/my rules/alliance.dll"'), { command: 'dotnet', args: ['/my rules/alliance.dll', 'lsp', '--stdio'] });
  assert.deepEqual(commands.serverCommand("'/my tools/alliance'"), { command: '/my tools/alliance', args: ['lsp', '--stdio'] });
});
test('a lone .dll is run with dotnet', () => {
  assert.deepEqual(commands.serverCommand('/src/bin/alliance.dll'), { command: 'dotnet', args: ['/src/bin/alliance.dll', 'lsp', '--stdio'] });
  assert.deepEqual(commands.serverCommand('"/a b/Alliance.DLL"'), { command: 'dotnet', args: ['/a b/Alliance.DLL', 'lsp', '--stdio'] });
});
test('${workspaceFolder} is the folder open', () => {
  assert.deepEqual(commands.serverCommand('dotnet ${workspaceFolder}/bin/alliance.dll', '/w s'), { command: 'dotnet', args: ['/w s/bin/alliance.dll', 'lsp', '--stdio'] });
});
test('an unclosed quote is an error that names the setting', () => {
  assert.throws(() => commands.serverCommand('dotnet "/a b/alliance.dll'), /alliance\.path has an unclosed " quote/);
});
test('check, explain and report build argument arrays', () => {
  assert.deepEqual(commands.checkCommand('dotnet /x/alliance.dll', '/w'), { command: 'dotnet', args: ['/x/alliance.dll', 'check', '/w'] });
  const file = path.join('/w', 'seeds', 'my history.events');
  assert.deepEqual(commands.explainEventCommand(undefined, '/w', file, 12), { command: 'alliance', args: ['explain', '/w', '--event', 'seeds/my history.events:12'] });
  assert.deepEqual(commands.explainEventCommand(undefined, '/w', '/elsewhere/a.events', 3).args.slice(-1), ['/elsewhere/a.events:3']);
  assert.throws(() => commands.explainEventCommand(undefined, '/w', file, 0), /positive/);
  assert.deepEqual(commands.reportCommand(undefined, '/w', 'html', '/tmp/r.html'), { command: 'alliance', args: ['report', '/w', '--format', 'html', '-o', '/tmp/r.html'] });
  assert.throws(() => commands.reportCommand(undefined, '/w', 'pdf', '/tmp/r.pdf'), /markdown' or 'html/);
});
test('a tool that cannot be started is explained with the setting to change', () => {
  const message = commands.cannotStartMessage('alliance', { message: 'Launching server using command alliance failed. Error: spawn alliance ENOENT' });
  assert.match(message, /'alliance' was not found/);
  assert.match(message, /Set 'alliance\.path'/);
  assert.match(commands.cannotStartMessage('dotnet', { message: 'EACCES' }), /'dotnet' could not be started: EACCES/);
});

// extension.js itself, activated with stand-ins.
function loadExtension(settingValue, folder) {
  const created = [];
  const registered = new Map();
  const shown = [];
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      created.push({ id, name, serverOptions, clientOptions });
    }
    start() {
      return Promise.resolve();
    }
    stop() {
      return Promise.resolve();
    }
    dispose() {
      return Promise.resolve();
    }
  }
  const vscode = {
    workspace: {
      workspaceFolders: folder ? [{ uri: { fsPath: folder, scheme: 'file' }, name: 'w' }] : undefined,
      getConfiguration: (section) => ({ get: (key) => (section === 'alliance' && key === 'path' ? settingValue : undefined) }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
      getWorkspaceFolder: () => undefined,
    },
    window: {
      createOutputChannel: () => ({ append() {}, appendLine() {}, show() {}, dispose() {} }),
      showErrorMessage: (m) => {
        shown.push(m);
        return Promise.resolve(undefined);
      },
      activeTextEditor: undefined,
    },
    commands: {
      registerCommand: (name, f) => {
        registered.set(name, f);
        return { dispose() {} };
      },
      executeCommand: () => Promise.resolve(),
    },
    env: { openExternal: () => Promise.resolve(true) },
    Uri: { file: (p) => ({ fsPath: p, scheme: 'file' }) },
  };
  const stubs = {
    vscode,
    'vscode-languageclient/node': { LanguageClient, RevealOutputChannelOn: { Info: 1, Warn: 2, Error: 3, Never: 4 } },
  };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return Object.hasOwn(stubs, request) ? `stub:${request}` : resolve.call(this, request, ...rest);
  };
  for (const [name, exports] of Object.entries(stubs)) require.cache[`stub:${name}`] = { id: name, filename: name, loaded: true, exports };
  const file = require.resolve('./extension.js');
  delete require.cache[file];
  try {
    return { extension: require('./extension.js'), created, registered, shown };
  } finally {
    Module._resolveFilename = resolve;
  }
}

test('activate starts the client with `alliance lsp --stdio` and registers the commands', async () => {
  const { extension, created, registered } = loadExtension(undefined, '/w');
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.equal(created.length, 1);
  const { id, serverOptions, clientOptions } = created[0];
  assert.equal(id, 'alliance'); // the client reads 'alliance.trace.server' by this id
  assert.deepEqual(serverOptions.run, { command: 'alliance', args: ['lsp', '--stdio'], options: { cwd: '/w' } });
  assert.deepEqual(serverOptions.debug, serverOptions.run);
  assert.equal(serverOptions.run.transport, undefined, "no transport: vscode-languageclient would add a second '--stdio'");
  const languages = clientOptions.documentSelector.map((s) => s.language ?? s.pattern);
  assert.deepEqual(languages, ['alliance-treaty', 'alliance-events', 'alliance-test', '**/*.jsonl']);
  assert.deepEqual([...registered.keys()].sort(), ['alliance.checkWorkspace', 'alliance.explainEvent', 'alliance.report', 'alliance.restartServer']);
  await extension.deactivate();
});
test('activate follows alliance.path', async () => {
  const { extension, created } = loadExtension('dotnet ${workspaceFolder}/bin/alliance.dll', '/w');
  await extension.activate({ subscriptions: [] });
  assert.deepEqual(created[0].serverOptions.run, { command: 'dotnet', args: ['/w/bin/alliance.dll', 'lsp', '--stdio'], options: { cwd: '/w' } });
  await extension.deactivate();
});
test('the commands are the ones package.json contributes', () => {
  const manifest = require('./package.json');
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  const { registered } = loadExtension(undefined, '/w');
  assert.deepEqual(contributed, ['alliance.checkWorkspace', 'alliance.explainEvent', 'alliance.report', 'alliance.restartServer']);
  assert.equal(registered.size, 0); // registered only on activation
  assert.equal(manifest.main, './extension.js');
  assert.ok(manifest.contributes.configuration.properties['alliance.path']);
  assert.ok(manifest.contributes.configuration.properties['alliance.trace.server']);
});

let failed = 0;
for (const [name, body] of checks) {
  try {
    await body();
    console.log(`ok  ${name}`);
  } catch (e) {
    failed++;
    console.error(`FAILED: ${name}\n${e.stack ?? e}`);
  }
}
console.log(`${checks.length - failed} of ${checks.length} extension checks passed`);
process.exit(failed ? 1 : 0);
