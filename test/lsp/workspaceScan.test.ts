import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { isWithin, nodeFileSystem } from '../../server/src/lsp/fileSystem';
import { scanRoleFiles } from '../../server/src/lsp/workspaceScan';

suite('workspace scan', () => {
  let root: string;

  setup(() => {
    root = mkdtempSync(join(tmpdir(), 'rb-scan-'));
    for (const dir of ['a/b', 'node_modules/pkg', '.git/x', 'c']) mkdirSync(join(root, dir), { recursive: true });
    for (const file of ['top.role.yaml', 'a/one.role.yml', 'a/b/two.ROLE.yaml', 'a/b/not-a-role.yaml', 'node_modules/pkg/skip.role.yaml', '.git/x/skip.role.yaml', 'c/three.role.yaml']) {
      writeFileSync(join(root, file), 'blueprint: 1\n');
    }
    symlinkSync(root, join(root, 'a', 'loop')); // a folder link back to the root
    symlinkSync(join(root, 'c'), join(root, 'c-again'));
  });

  teardown(() => rmSync(root, { recursive: true, force: true }));

  const scan = async (maxFiles = 100) => {
    const found: string[] = [];
    for await (const file of scanRoleFiles(nodeFileSystem, [root], { maxFiles, maxDepth: 20, cancelled: () => false })) found.push(relative(root, file));
    return found.sort();
  };

  test('finds *.role.yaml / *.role.yml, skips node_modules and .git, visits each real folder once', async () => {
    assert.deepStrictEqual(await scan(), ['a/b/two.ROLE.yaml', 'a/one.role.yml', 'c/three.role.yaml', 'top.role.yaml']);
  });

  test('stops at the bound', async () => {
    assert.strictEqual((await scan(2)).length, 2);
  });

  test('a file is within a folder below it, not beside it or through ..; a name starting with .. is still inside', () => {
    assert.ok(isWithin('/w/roles', '/w/roles/a.role.yaml'));
    assert.ok(isWithin('/w/roles', '/w/roles/deep/a.role.yaml'));
    assert.ok(isWithin('/w/roles', '/w/roles/..a.role.yaml'));
    for (const file of ['/w/roles', '/w/other/a.role.yaml', '/w/roles-2/a.role.yaml', '/w/a.role.yaml']) assert.ok(!isWithin('/w/roles', file), file);
  });

  test('a missing root yields nothing', async () => {
    const found: string[] = [];
    for await (const file of scanRoleFiles(nodeFileSystem, [join(root, 'nope')], { maxFiles: 10, maxDepth: 5, cancelled: () => false })) found.push(file);
    assert.deepStrictEqual(found, []);
  });
});
