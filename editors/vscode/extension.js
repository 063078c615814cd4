// The AllianceRules extension: starts the `alliance lsp` language server through vscode-languageclient
// for rule files, histories and rule tests, and adds three commands that run the command line on the
// folder open (check, explain the event at the cursor, report). Which command lines it runs is worked
// out in lib/command.js, which Node tests without VS Code.
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient, RevealOutputChannelOn } = require('vscode-languageclient/node');
const commands = require('./lib/command');

/** The languages the server is started for, and .jsonl histories by their name. */
const documentSelector = [
  { scheme: 'file', language: 'alliance-treaty' },
  { scheme: 'file', language: 'alliance-events' },
  { scheme: 'file', language: 'alliance-test' },
  { scheme: 'file', pattern: '**/*.jsonl' },
];

/**
 * The files the server reads from disk: rule files, rule tests and histories of every format
 * (maybe gzip-compressed). The client tells the server of their changes on disk
 * (workspace/didChangeWatchedFiles), so that it checks again what an editor buffer does not hold.
 */
const watchedFiles = '**/*.{treaty,test,events,jsonl,csv,CSV,tsv,tab,gz}';

/** The client of the server running or starting, if any, and the watcher it reports from. */
let client;
let watcher;
let output;
/** Starts and stops, one after the other: a stop waits until the start before it has settled. */
let lifecycle = Promise.resolve();
/** The folder of this session's reports, made at the first one and removed on deactivation. */
let reportFolder;

function setting() {
  return vscode.workspace.getConfiguration('alliance').get('path');
}

function trusted() {
  return vscode.workspace.isTrusted !== false;
}

const untrustedMessage = 'AllianceRules: this folder is not trusted, so the alliance tool is not run in it. '
  + 'Trust the folder (Workspace Trust) to start the language server and use the commands.';

/** Runs the step after every start and stop queued before it; resolves when it is done. */
function inTurn(step) {
  const done = lifecycle.then(step);
  lifecycle = done.catch(() => {});
  return done;
}

/** The folder a command works on: the active file's, the only one open, or one the user picks. */
async function workspaceRoot() {
  if (!trusted()) {
    vscode.window.showErrorMessage(untrustedMessage);
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  const own = editor && vscode.workspace.getWorkspaceFolder(editor.document.uri);
  if (own) return own.uri.fsPath;
  const folders = vscode.workspace.workspaceFolders || [];
  if (folders.length === 1) return folders[0].uri.fsPath;
  if (folders.length > 1) {
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder of rules and histories to use' });
    return picked && picked.uri.fsPath;
  }
  vscode.window.showErrorMessage('AllianceRules: open a folder of rule files and histories first.');
  return undefined;
}

function openSettingsButton(message) {
  vscode.window.showErrorMessage(message, 'Open Settings').then((choice) => {
    if (choice === 'Open Settings') vscode.commands.executeCommand('workbench.action.openSettings', 'alliance.path');
  });
}

/**
 * The command line of the tool for the setting, with a bare command name (`alliance`, or `dotnet`
 * for a lone .dll) replaced by its full path on PATH: spawned by its name, Windows would look in
 * the working folder (the folder open) first. Undefined, after saying why, when it cannot be had.
 */
function resolved(build) {
  let command;
  try {
    command = build({ trusted: trusted() });
  } catch (e) {
    openSettingsButton(`AllianceRules: ${e.message}`);
    return undefined;
  }
  const found = commands.resolveOnPath(command.command);
  if (found === undefined) {
    const message = commands.cannotStartMessage(command.command, { code: 'ENOENT', message: 'not on PATH' });
    if (output) output.appendLine(message);
    openSettingsButton(message);
    return undefined;
  }
  return { command: found, args: command.args };
}

/** Starts a client for the server; call it in turn (inTurn). Does nothing in a folder not trusted. */
async function startClient() {
  if (!trusted()) return;
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  const root = folder ? folder.uri.fsPath : undefined;
  const server = resolved((options) => commands.serverCommand(setting(), root, options));
  if (!server) return;
  // No 'transport' here: vscode-languageclient would then add '--stdio' itself; the arguments already end with it.
  const executable = { command: server.command, args: server.args, options: { cwd: root } };
  const watching = vscode.workspace.createFileSystemWatcher(watchedFiles);
  watcher = watching;
  const starting = new LanguageClient(
    'alliance', // also the prefix of the 'alliance.trace.server' setting, which the client reads itself
    'AllianceRules Language Server',
    { run: executable, debug: executable },
    {
      documentSelector,
      synchronize: { fileEvents: watching },
      revealOutputChannelOn: RevealOutputChannelOn.Never,
    },
  );
  client = starting;
  try {
    await starting.start();
  } catch (error) {
    openSettingsButton(commands.cannotStartMessage(server.command, error));
    if (client === starting) client = undefined;
    if (watcher === watching) watcher = undefined;
    watching.dispose();
    try {
      await starting.dispose();
    } catch {
      // Never started: nothing to stop.
    }
  }
}

/** Stops the client; call it in turn (inTurn), so that it never meets a client still starting. */
async function stopClient() {
  if (watcher) watcher.dispose();
  watcher = undefined;
  if (!client) return;
  const running = client;
  client = undefined;
  try {
    await running.stop();
  } catch {
    // A server that is already gone cannot be stopped.
  }
}

function restartClient() {
  return inTurn(async () => {
    await stopClient();
    await startClient();
  });
}

/**
 * Runs the tool with an argument array (no shell) in the folder, copying its output into the
 * 'AllianceRules' output channel; resolves with its exit code, or undefined when it could not start.
 */
function run(command, root, title) {
  output.show(true);
  output.appendLine(`$ ${[command.command, ...command.args].map(quoteForDisplay).join(' ')}`);
  return new Promise((resolve) => {
    let child;
    try {
      child = childProcess.spawn(command.command, command.args, { cwd: root, shell: false, windowsHide: true });
    } catch (error) {
      openSettingsButton(commands.cannotStartMessage(command.command, error));
      resolve(undefined);
      return;
    }
    // Decoded as one stream, so that a character split between two chunks stays whole.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (text) => output.append(text));
    child.stderr.on('data', (text) => output.append(text));
    // A process that could not start emits 'error' and then 'close' (with a negative status): say it once.
    let settled = false;
    child.on('error', (error) => {
      if (settled) return;
      settled = true;
      output.appendLine(commands.cannotStartMessage(command.command, error));
      openSettingsButton(commands.cannotStartMessage(command.command, error));
      resolve(undefined);
    });
    child.on('close', (code) => {
      if (settled) return;
      settled = true;
      output.appendLine(`[${title}: exit status ${code}]`);
      output.appendLine('');
      resolve(code);
    });
  });
}

function quoteForDisplay(word) {
  return /^[\w@%+=:,./\\-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

async function checkWorkspace() {
  const root = await workspaceRoot();
  if (!root) return;
  const command = resolved((options) => commands.checkCommand(setting(), root, options));
  if (command) await run(command, root, 'check');
}

async function explainEvent() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== 'file' || !/\.(events|jsonl)$/.test(editor.document.fileName)) {
    vscode.window.showErrorMessage('AllianceRules: put the cursor on an event line of a saved .events (or .jsonl) history.');
    return;
  }
  const root = await workspaceRoot();
  if (!root) return;
  if (editor.document.isDirty && !(await editor.document.save())) {
    vscode.window.showErrorMessage('AllianceRules: the history could not be saved, so the event was not explained (the tool reads the file from disk).');
    return;
  }
  const line = editor.selection.active.line + 1;
  const command = resolved((options) => commands.explainEventCommand(setting(), root, editor.document.fileName, line, options));
  if (command) await run(command, root, 'explain');
}

async function report() {
  const root = await workspaceRoot();
  if (!root) return;
  const format = await vscode.window.showQuickPick(
    [
      { label: 'Markdown', description: 'opened in VS Code with its preview', format: 'markdown', extension: 'md' },
      { label: 'HTML', description: 'one self-contained page, opened in the browser', format: 'html', extension: 'html' },
    ],
    { placeHolder: 'Format of the report' },
  );
  if (!format) return;
  // Not in the folder: the report would become one more file of the workspace. One folder for the
  // session, removed when it ends; a later report of the same folder and format replaces the earlier.
  if (!reportFolder || !fs.existsSync(reportFolder)) reportFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-report-'));
  const file = path.join(reportFolder, `${path.basename(root) || 'report'}.${format.extension}`);
  const command = resolved((options) => commands.reportCommand(setting(), root, format.format, file, options));
  if (!command) return;
  fs.rmSync(file, { force: true });
  const code = await run(command, root, 'report');
  if (code === undefined) return;
  if (!fs.existsSync(file)) {
    vscode.window.showErrorMessage(`AllianceRules: the report was not written (exit status ${code}); the 'AllianceRules' output says why.`);
    return;
  }
  const uri = vscode.Uri.file(file);
  if (format.format === 'markdown') {
    await vscode.window.showTextDocument(uri, { preview: false });
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } else {
    await vscode.env.openExternal(uri);
  }
}

function removeReportFolder() {
  if (!reportFolder) return;
  try {
    fs.rmSync(reportFolder, { recursive: true, force: true });
  } catch {
    // Left in the temporary folder, which the system clears.
  }
  reportFolder = undefined;
}

async function activate(context) {
  output = vscode.window.createOutputChannel('AllianceRules');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('alliance.checkWorkspace', checkWorkspace),
    vscode.commands.registerCommand('alliance.explainEvent', explainEvent),
    vscode.commands.registerCommand('alliance.report', report),
    vscode.commands.registerCommand('alliance.restartServer', () => {
      if (!trusted()) {
        vscode.window.showErrorMessage(untrustedMessage);
        return undefined;
      }
      return restartClient();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('alliance.path')) return restartClient();
      return undefined;
    }),
    // An untrusted folder starts nothing; trusting it starts the server.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restartClient()),
    { dispose: () => inTurn(stopClient) },
    { dispose: removeReportFolder },
  );
  if (!trusted()) {
    output.appendLine(untrustedMessage);
    return;
  }
  await inTurn(startClient);
}

function deactivate() {
  removeReportFolder();
  return inTurn(stopClient);
}

module.exports = { activate, deactivate, documentSelector };
