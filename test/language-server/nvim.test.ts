/**
 * A real editor: headless Neovim (Debian's neovim; `.ci/run` installs it) opens a .vmx, starts
 * vmxlint-language-server over stdio, receives its diagnostics and applies the quick fix. Skipped,
 * visibly, where `nvim` is not installed. Uses `vim.lsp.start_client` + `buf_attach_client`, which
 * Neovim 0.7 (Debian 12) has; `vim.lsp.start` (docs/editors.md) is the 0.8+ shorthand for them.
 */
import {afterAll, describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {removeDir, runCommand, SERVER_BIN, tempDir} from './helpers.js';

const nvim = spawnSync('nvim', ['--version'], {encoding: 'utf8'});
const version = nvim.status === 0 ? nvim.stdout.split('\n')[0] : undefined;
if (!version) process.stderr.write('\n[nvim test] skipped: `nvim` not found (apt-get install neovim; .ci/run does)\n');
const itWithNvim = version ? it : it.skip;

const TEXT = '.encoding = "UTF-8"\nconfig.version = "8"\nfloppy0.present = "yes"\nmemsize = "1024"\n';

const SCRIPT = `
local dir, server, node = vim.env.VMX_DIR, vim.env.VMX_SERVER, vim.env.VMX_NODE
local out = {}
local function done(ok, err)
  out.ok = ok
  out.err = err and tostring(err) or nil
  local f = io.open(dir .. '/result.json', 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qall!')
end
local function codes()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, {line = d.lnum, code = d.code or lsp.code, message = d.message, source = d.source or lsp.source})
  end
  return list
end
local ok, err = pcall(function()
  vim.cmd('edit ' .. dir .. '/vm.vmx')
  vim.bo.filetype = 'vmx'
  local id = vim.lsp.start_client({name = 'vmxlint', cmd = {node, server, '--stdio'}, root_dir = dir, settings = {vmxlint = {}}})
  vim.lsp.buf_attach_client(0, id)
  assert(vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50), 'no diagnostics')
  out.before = codes()
  local client = vim.lsp.get_client_by_id(id)
  local params = {textDocument = {uri = vim.uri_from_bufnr(0)}, range = {start = {line = 2, character = 0}, ['end'] = {line = 2, character = 0}}, context = {diagnostics = {}}}
  local resp = client.request_sync('textDocument/codeAction', params, 30000, 0)
  assert(resp and resp.result, 'no code actions: ' .. vim.inspect(resp))
  out.titles = {}
  local fix
  for _, a in ipairs(resp.result) do
    table.insert(out.titles, a.title)
    if a.isPreferred then fix = a end
  end
  assert(fix, 'no preferred action')
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  out.lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  assert(vim.wait(30000, function() return #vim.diagnostic.get(0) == 0 end, 50), 'diagnostics not cleared: ' .. vim.inspect(codes()))
  out.after = codes()
  vim.lsp.stop_client(id)
  vim.wait(10000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
end)
done(ok, err)
`;

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

describe(`Neovim (${version ?? 'nvim not found: skipped'})`, () => {
  itWithNvim('opens a .vmx, shows vmxlint diagnostics and applies the quick fix', async () => {
    const dir = tempDir({'vm.vmx': TEXT, 'smoke.lua': SCRIPT});
    dirs.push(dir);
    const run = await runCommand('nvim', ['--headless', '--clean', '-i', 'NONE', '-n', '-u', 'NONE', '-c', `luafile ${path.join(dir, 'smoke.lua')}`], {
      cwd: dir,
      // LSP log, state and cache inside the temp directory
      env: {VMX_DIR: dir, VMX_SERVER: SERVER_BIN, VMX_NODE: process.execPath, XDG_CACHE_HOME: dir, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir},
      timeout: 120_000,
    });
    const resultFile = path.join(dir, 'result.json');
    if (!fs.existsSync(resultFile)) throw new Error(`nvim wrote no result (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as {ok: boolean; err?: string; before: Array<{line: number; code: string; source: string}>; titles: string[]; lines: string[]};
    expect(result.err).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.before).toEqual([expect.objectContaining({line: 2, code: 'boolean-values', source: 'vmxlint'})]);
    expect(result.titles).toEqual(expect.arrayContaining(['Fix this boolean-values problem', 'Disable boolean-values for this line', 'Show documentation for boolean-values']));
    expect(result.lines).toEqual(TEXT.replace('"yes"', '"TRUE"').split('\n').slice(0, -1));
  });
});
