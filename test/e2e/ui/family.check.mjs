// The career ladder as a person uses it: the examples' ladder drawn in a webview, and a click
// on a role opening its blueprint.
import assert from 'node:assert/strict';

export const checks = [
  {
    name: 'the career ladder of the examples renders, and clicking a role opens its file',
    async run({ page, workbench, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await workbench.openFile('lead-mlops-engineer.role.yaml');
      await workbench.runCommand('Role Blueprint: Show Career Ladder');
      const ladder = workbench.webview();
      await ladder.locator('h1').waitFor();
      const roles = ladder.locator('g.bp-ladder-node[data-uri]');
      await roles.first().waitFor();
      // The three examples have files; roles only named in their career paths are drawn without.
      const files = await roles.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-uri').replace(/^.*\//, '')));
      for (const file of ['associate-mlops-consultant.role.yaml', 'lead-mlops-engineer.role.yaml', 'mlops-consultant.role.yaml']) assert.ok(files.includes(file), `${file} among ${files.join(', ')}`);
      assert.ok((await ladder.locator('g.bp-ladder-node.bp-ladder-missing').count()) > 0, 'roles without a blueprint');
      await screenshot('ladder');
      await ladder.locator('g.bp-ladder-node[data-uri$="/associate-mlops-consultant.role.yaml"]').click();
      await workbench.activeTab('associate-mlops-consultant.role.yaml').waitFor();
    },
  },
];
