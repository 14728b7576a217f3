// The career ladder as a person uses it: the examples' ladder drawn in a webview, a click on a
// role opening its blueprint, and a saved edit of a role drawn again.
import assert from 'node:assert/strict';

export const checks = [
  {
    name: 'the career ladder of the examples renders, clicking a role opens its file, and a saved edit of it is drawn again',
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

      // Saving a role file draws the ladder again; typing alone does not.
      const titleOfAssociate = async () => (await ladder.locator('g.bp-ladder-node[data-uri$="/associate-mlops-consultant.role.yaml"] > title').textContent({ timeout: 5000 }))?.trim();
      const titleBecomes = async (title) => {
        const deadline = Date.now() + 15000;
        while ((await titleOfAssociate()) !== title) {
          if (Date.now() > deadline) throw new Error(`the ladder shows "${await titleOfAssociate()}", not "${title}"`);
          await page.waitForTimeout(100);
        }
      };
      await workbench.goTo(6, 1);
      await page.keyboard.press('End');
      await page.keyboard.type(' II');
      await page.waitForTimeout(1500);
      assert.equal(await titleOfAssociate(), 'Associate MLOps Consultant', 'not drawn again before the save');
      await page.keyboard.press('Control+S');
      await titleBecomes('Associate MLOps Consultant II');
      // As it was, for the checks after this one.
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Control+S');
      await titleBecomes('Associate MLOps Consultant');
    },
  },
];
