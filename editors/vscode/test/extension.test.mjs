// The extension's command lines, tested in Node without VS Code: lib/command.js directly, and
// extension.js activated with stand-ins for the 'vscode' module (which exists only inside VS Code)
// and for vscode-languageclient's LanguageClient, to see the server options it is given.
//
//   node editors/vscode/test/extension.test.mjs
//
// Needs `npm ci --ignore-scripts` in editors/vscode first. Exits 0 when every check holds.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
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

test('in a folder not trusted, ${workspaceFolder} and relative paths are refused', () => {
  const untrusted = { trusted: false };
  assert.throws(() => commands.serverCommand('dotnet ${workspaceFolder}/bin/alliance.dll', '/w', untrusted), /\$\{workspaceFolder\}.*not trusted/);
  assert.throws(() => commands.serverCommand('${workspaceFolder}/alliance', '/w', untrusted), /not trusted/);
  assert.throws(() => commands.serverCommand('./alliance', '/w', untrusted), /relative path '\.\/alliance'.*not trusted/);
  assert.throws(() => commands.serverCommand('bin\\alliance.exe', '/w', untrusted), /relative path/);
  assert.throws(() => commands.serverCommand('dotnet bin/alliance.dll', '/w', untrusted), /relative path 'bin\/alliance\.dll'/);
  assert.throws(() => commands.serverCommand('alliance.dll', '/w', untrusted), /relative path 'alliance\.dll'/);
  assert.throws(() => commands.checkCommand('dotnet alliance.dll', '/w', untrusted), /relative path/);
  assert.throws(() => commands.reportCommand('./a', '/w', 'html', '/tmp/r.html', untrusted), /relative path/);
  assert.throws(() => commands.explainEventCommand('./a', '/w', '/w/a.events', 1, untrusted), /relative path/);
  // Full paths and bare names (looked up on PATH, never in the folder) are taken.
  assert.deepEqual(commands.serverCommand('/opt/alliance/alliance', '/w', untrusted).command, '/opt/alliance/alliance');
  assert.deepEqual(commands.serverCommand('dotnet "C:\\Tools\\alliance.dll"', '/w', untrusted).args[0], 'C:\\Tools\\alliance.dll');
  assert.deepEqual(commands.serverCommand(undefined, '/w', untrusted), { command: 'alliance', args: ['lsp', '--stdio'] });
  // A trusted folder may use both.
  assert.deepEqual(commands.serverCommand('./alliance', '/w', { trusted: true }).command, './alliance');
});
test('a bare command is found on PATH, never in the current folder', () => {
  const files = new Set(['/usr/bin/alliance', '/home/me/.dotnet/tools/alliance']);
  const isFile = (p) => files.has(p);
  const posix = (PATH) => commands.resolveOnPath('alliance', { env: { PATH }, platform: 'linux', isFile });
  assert.equal(posix('/usr/bin:/home/me/.dotnet/tools'), '/usr/bin/alliance');
  assert.equal(posix('/home/me/.dotnet/tools:/usr/bin'), '/home/me/.dotnet/tools/alliance');
  // Empty and relative entries (the current folder) are skipped.
  files.add('alliance');
  files.add('bin/alliance');
  assert.equal(posix(':.:bin:/usr/bin'), '/usr/bin/alliance');
  assert.equal(posix('.:bin'), undefined);
  assert.equal(posix(undefined), undefined);
  // A command with a folder in it is not looked up.
  assert.equal(commands.resolveOnPath('/opt/a/alliance', { env: { PATH: '' }, platform: 'linux', isFile }), '/opt/a/alliance');
});
test('on Windows PATHEXT is honoured and the current folder is skipped', () => {
  const files = new Set(['C:\\Program Files\\dotnet\\dotnet.exe', 'C:\\Users\\me\\.dotnet\\tools\\alliance.exe', 'dotnet.exe', '.\\dotnet.exe']);
  // Windows' file names are case-insensitive, and the extensions come as PATHEXT spells them.
  const isFile = (p) => [...files].some((f) => f.toLowerCase() === p.toLowerCase());
  const env = { Path: '.;;tools;"C:\\Program Files\\dotnet";C:\\Users\\me\\.dotnet\\tools', PATHEXT: '.COM;.EXE;.BAT;.CMD' };
  const win = (command, e = env) => commands.resolveOnPath(command, { env: e, platform: 'win32', isFile });
  assert.equal(win('dotnet'), 'C:\\Program Files\\dotnet\\dotnet.EXE');
  assert.equal(win('alliance'), 'C:\\Users\\me\\.dotnet\\tools\\alliance.EXE');
  assert.equal(win('alliance.exe'), 'C:\\Users\\me\\.dotnet\\tools\\alliance.exe');
  assert.equal(win('alliance', { Path: 'C:\\Users\\me\\.dotnet\\tools', PATHEXT: '.COM;.CMD' }), undefined);
  assert.equal(win('C:\\Tools\\alliance.exe'), 'C:\\Tools\\alliance.exe');
  // A drive-relative entry (C:tools) is not absolute either.
  files.add('C:tools\\alliance.exe');
  assert.equal(win('alliance', { PATH: 'C:tools', PATHEXT: '.EXE' }), undefined);
});

// extension.js itself, activated with stand-ins. Bare commands are looked up on PATH, so PATH is a
// folder of stand-in `alliance` and `dotnet` files while these run.
const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-extension-test-'));
for (const name of ['alliance', 'dotnet']) fs.writeFileSync(path.join(bin, name), '', { mode: 0o755 });
// Commands run for real (where a script with #! runs): a stand-in `alliance-stand-in` (Node) that writes
// 'é' split between two writes (check), or the report file named after -o; and `alliance-broken`,
// which cannot be started.
const posixShell = process.platform !== 'win32';
fs.writeFileSync(path.join(bin, 'alliance-stand-in'), `#!${process.execPath}
const [command, ...rest] = process.argv.slice(2);
if (command === 'check') {
  process.stdout.write(Buffer.from([0x63, 0x61, 0x66, 0xc3]));
  setTimeout(() => process.stdout.write(Buffer.from([0xa9, 0x20, 0x6f, 0x6b, 0x0a])), 200);
} else if (command === 'report') {
  require('fs').writeFileSync(rest[rest.indexOf('-o') + 1], '# report');
}
`, { mode: 0o755 });
fs.writeFileSync(path.join(bin, 'alliance-broken'), '', { mode: 0o644 });
const originalPath = process.env.PATH;
process.env.PATH = bin;
const binAlliance = path.join(bin, 'alliance');
const binDotnet = path.join(bin, 'dotnet');
function loadExtension(settingValue, folder, { isTrusted = true, startLater = false } = {}) {
  const created = [];
  const registered = new Map();
  const shown = [];
  const trustListeners = [];
  const configurationListeners = [];
  const log = [];
  const output = [];
  const opened = [];
  const watchers = [];
  const pick = { format: 'markdown' };
  /** Like vscode-languageclient 9's: stop() on a client still starting throws; start() may settle later. */
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      this.index = created.length;
      this.state = 'new';
      created.push({ id, name, serverOptions, clientOptions, client: this });
    }
    start() {
      this.state = 'starting';
      log.push(`start ${this.index}`);
      const settle = () => {
        this.state = 'running';
        log.push(`started ${this.index}`);
      };
      if (!startLater) {
        settle();
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        this.finishStart = () => {
          settle();
          resolve();
        };
      });
    }
    stop() {
      log.push(`stop ${this.index}`);
      if (this.state === 'starting') return Promise.reject(new Error('Client is currently starting. Can\'t stop it now.'));
      this.state = 'stopped';
      return Promise.resolve();
    }
    dispose() {
      return this.stop();
    }
  }
  const vscode = {
    workspace: {
      workspaceFolders: folder ? [{ uri: { fsPath: folder, scheme: 'file' }, name: 'w' }] : undefined,
      getConfiguration: (section) => ({ get: (key) => (section === 'alliance' && key === 'path' ? settingValue : undefined) }),
      onDidChangeConfiguration: (f) => {
        configurationListeners.push(f);
        return { dispose() {} };
      },
      onDidGrantWorkspaceTrust: (f) => {
        trustListeners.push(f);
        return { dispose() {} };
      },
      isTrusted,
      getWorkspaceFolder: () => undefined,
      createFileSystemWatcher: (glob) => {
        const watcher = { glob, disposed: false, dispose() { this.disposed = true; } };
        watchers.push(watcher);
        return watcher;
      },
    },
    window: {
      createOutputChannel: () => ({
        append: (t) => output.push(t),
        appendLine: (t) => output.push(`${t}\n`),
        show() {},
        dispose() {},
      }),
      showQuickPick: (items) => Promise.resolve(items.find((i) => i.format === pick.format)),
      showTextDocument: (uri) => {
        opened.push(uri.fsPath);
        return Promise.resolve();
      },
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
    const grantTrust = () => {
      vscode.workspace.isTrusted = true;
      return Promise.all(trustListeners.map((f) => f()));
    };
    const changeSetting = (value) => {
      settingValue = value;
      return Promise.all(configurationListeners.map((f) => f({ affectsConfiguration: (s) => s === 'alliance.path' })));
    };
    return { extension: require('./extension.js'), created, registered, shown, log, grantTrust, changeSetting, vscode, output, opened, pick, watchers };
  } finally {
    Module._resolveFilename = resolve;
  }
}

test('activate starts the client with `alliance lsp --stdio` and registers the commands', async () => {
  const { extension, created, registered, watchers } = loadExtension(undefined, '/w');
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.equal(created.length, 1);
  const { id, serverOptions, clientOptions } = created[0];
  // Changes on disk reach the server (didChangeWatchedFiles) for every file it reads; the watcher goes with the client.
  assert.equal(watchers.length, 1);
  assert.equal(clientOptions.synchronize.fileEvents, watchers[0]);
  assert.equal(watchers[0].glob, '**/*.{treaty,test,events,jsonl,csv,CSV,tsv,tab,gz}');
  assert.equal(id, 'alliance'); // the client reads 'alliance.trace.server' by this id
  // The full path found on PATH: spawned by its bare name, Windows would look in the folder open first.
  assert.deepEqual(serverOptions.run, { command: binAlliance, args: ['lsp', '--stdio'], options: { cwd: '/w' } });
  assert.deepEqual(serverOptions.debug, serverOptions.run);
  assert.equal(serverOptions.run.transport, undefined, "no transport: vscode-languageclient would add a second '--stdio'");
  const languages = clientOptions.documentSelector.map((s) => s.language ?? s.pattern);
  assert.deepEqual(languages, ['alliance-treaty', 'alliance-events', 'alliance-test', '**/*.jsonl']);
  assert.deepEqual([...registered.keys()].sort(), ['alliance.checkWorkspace', 'alliance.explainEvent', 'alliance.report', 'alliance.restartServer']);
  await extension.deactivate();
  assert.equal(watchers[0].disposed, true);
});
test('activate follows alliance.path', async () => {
  const { extension, created } = loadExtension('dotnet ${workspaceFolder}/bin/alliance.dll', '/w');
  await extension.activate({ subscriptions: [] });
  assert.deepEqual(created[0].serverOptions.run, { command: binDotnet, args: ['/w/bin/alliance.dll', 'lsp', '--stdio'], options: { cwd: '/w' } });
  await extension.deactivate();
});
test('a tool not on PATH is not started, and the message says which and offers the setting', async () => {
  const { extension, created, shown } = loadExtension('alliance-not-installed', '/w');
  await extension.activate({ subscriptions: [] });
  assert.equal(created.length, 0);
  assert.match(shown.join('\n'), /'alliance-not-installed' was not found\. Set 'alliance\.path'/);
  await extension.deactivate();
});
test('in a folder not trusted nothing is started until trust is granted', async () => {
  const { extension, created, registered, shown, grantTrust } = loadExtension(undefined, '/w', { isTrusted: false });
  await extension.activate({ subscriptions: [] });
  assert.equal(created.length, 0, 'no server in an untrusted folder');
  for (const name of ['alliance.checkWorkspace', 'alliance.report', 'alliance.restartServer']) {
    await registered.get(name)();
    assert.equal(created.length, 0, `${name} started nothing`);
  }
  assert.equal(shown.filter((m) => /not trusted/.test(m)).length, 3);
  await grantTrust();
  assert.equal(created.length, 1, 'trusting the folder starts the server');
  assert.equal(created[0].client.state, 'running');
  assert.equal(created[0].serverOptions.run.command, binAlliance);
  await extension.deactivate();
  assert.equal(created[0].client.state, 'stopped');
});
test('restart while the server is still starting stops that one after its start, and keeps the new one', async () => {
  const { extension, created, registered, log } = loadExtension(undefined, '/w', { startLater: true });
  const activated = extension.activate({ subscriptions: [] });
  await new Promise((r) => setImmediate(r));
  assert.equal(created.length, 1);
  assert.equal(created[0].client.state, 'starting');
  const restarted = registered.get('alliance.restartServer')();
  const restartedAgain = registered.get('alliance.restartServer')();
  await new Promise((r) => setImmediate(r));
  assert.equal(created.length, 1, 'the restart waits for the start before it');
  created[0].client.finishStart();
  await activated;
  for (let i = 0; i < 20 && created.length < 2; i++) await new Promise((r) => setImmediate(r));
  assert.equal(created.length, 2);
  assert.equal(created[0].client.state, 'stopped', 'the first server is stopped, not leaked');
  created[1].client.finishStart();
  for (let i = 0; i < 20 && created.length < 3; i++) await new Promise((r) => setImmediate(r));
  created[2].client.finishStart();
  await restarted;
  await restartedAgain;
  assert.deepEqual(log, ['start 0', 'started 0', 'stop 0', 'start 1', 'started 1', 'stop 1', 'start 2', 'started 2']);
  assert.deepEqual(created.map((c) => c.client.state), ['stopped', 'stopped', 'running']);
  await extension.deactivate();
  assert.equal(created[2].client.state, 'stopped', 'deactivate stops the newest');
});
test('a change of alliance.path while starting restarts in turn', async () => {
  const { extension, created, changeSetting } = loadExtension(undefined, '/w', { startLater: true });
  const activated = extension.activate({ subscriptions: [] });
  await new Promise((r) => setImmediate(r));
  const changed = changeSetting('/opt/alliance/alliance');
  created[0].client.finishStart();
  await activated;
  for (let i = 0; i < 20 && created.length < 2; i++) await new Promise((r) => setImmediate(r));
  created[1].client.finishStart();
  await changed;
  assert.equal(created[0].client.state, 'stopped');
  assert.equal(created[1].serverOptions.run.command, '/opt/alliance/alliance');
  const stopping = extension.deactivate();
  await stopping;
  assert.equal(created[1].client.state, 'stopped');
});
test("a command's output keeps a character split between two chunks whole", async () => {
  if (!posixShell) return;
  const { extension, registered, output } = loadExtension('alliance-stand-in', bin);
  await extension.activate({ subscriptions: [] });
  await registered.get('alliance.checkWorkspace')();
  const text = output.join('');
  assert.match(text, /café ok\n\[check: exit status 0\]/, text);
  await extension.deactivate();
});
test('a tool that cannot be started is reported once, with no exit status after it', async () => {
  if (!posixShell) return;
  const { extension, registered, output } = loadExtension(path.join(bin, 'alliance-broken'), bin);
  await extension.activate({ subscriptions: [] });
  await registered.get('alliance.checkWorkspace')();
  await new Promise((r) => setTimeout(r, 200)); // 'close' comes after 'error'
  const text = output.join('');
  assert.match(text, /could not be started/, text);
  assert.doesNotMatch(text, /exit status/, text);
  await extension.deactivate();
});
test('reports of a session share one temporary folder, removed on deactivation', async () => {
  if (!posixShell) return;
  const { extension, registered, opened, pick } = loadExtension('alliance-stand-in', bin);
  await extension.activate({ subscriptions: [] });
  await registered.get('alliance.report')();
  await registered.get('alliance.report')();
  pick.format = 'html';
  await registered.get('alliance.report')();
  assert.equal(opened.length, 2, 'the markdown report opened twice');
  const folder = path.dirname(opened[0]);
  assert.equal(path.dirname(opened[1]), folder);
  assert.deepEqual(fs.readdirSync(folder).sort(), [`${path.basename(bin)}.html`, `${path.basename(bin)}.md`]);
  assert.ok(!folder.startsWith(bin), 'not in the folder open');
  await extension.deactivate();
  assert.ok(!fs.existsSync(folder), 'removed when the session ends');
});
test('explain stops, saying so, when the history cannot be saved', async () => {
  const { extension, registered, output, shown, vscode } = loadExtension('alliance-stand-in', bin);
  await extension.activate({ subscriptions: [] });
  vscode.window.activeTextEditor = {
    document: { uri: { scheme: 'file', fsPath: path.join(bin, 'a.events') }, fileName: path.join(bin, 'a.events'), isDirty: true, save: () => Promise.resolve(false) },
    selection: { active: { line: 0 } },
  };
  await registered.get('alliance.explainEvent')();
  assert.match(shown.join('\n'), /could not be saved/);
  assert.doesNotMatch(output.join(''), /\$ /, 'nothing was run');
  await extension.deactivate();
});
test('activation registers exactly the commands package.json contributes', async () => {
  const manifest = require('./package.json');
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  const { extension, registered } = loadExtension(undefined, '/w');
  assert.equal(registered.size, 0); // registered only on activation
  await extension.activate({ subscriptions: [] });
  assert.deepEqual([...registered.keys()].sort(), contributed);
  // Every command a menu names is contributed.
  for (const entries of Object.values(manifest.contributes.menus ?? {})) {
    for (const entry of entries) assert.ok(contributed.includes(entry.command), `menu names ${entry.command}`);
  }
  await extension.deactivate();
  assert.equal(manifest.main, './extension.js');
  assert.ok(manifest.contributes.configuration.properties['alliance.path']);
  assert.ok(manifest.contributes.configuration.properties['alliance.trace.server']);
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['alliance.path']);
});
test('npm test runs this file', () => {
  const manifest = require('./package.json');
  const scripts = manifest.scripts.test.split('&&').map((c) => c.trim().split(/\s+/)[1]);
  assert.ok(scripts.includes('test/extension.test.mjs'), manifest.scripts.test);
  for (const script of scripts) assert.ok(fs.existsSync(path.join(extensionFolder, script)), `npm test names ${script}, which does not exist`);
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
process.env.PATH = originalPath;
fs.rmSync(bin, { recursive: true, force: true });
console.log(`${checks.length - failed} of ${checks.length} extension checks passed`);
process.exit(failed ? 1 : 0);
