// UI checks of the editor a person would make. Each check starts on a fresh workbench page
// with the .vsix installed; the workspace is a copy of examples/ plus test/e2e/fixtures/.
import assert from 'node:assert/strict';

export const checks = [
  {
    name: 'a .role.yaml file opens in an editor tab with the Role Blueprint language',
    async run({ workbench, screenshot }) {
      await workbench.openFile('fixtures/smoke.role.yaml');
      await workbench.editor().locator('.view-line', { hasText: 'Platform Engineer' }).waitFor();
      await screenshot('opened');
      assert.equal(await workbench.languageMode(), 'Role Blueprint');
    },
  },
];
