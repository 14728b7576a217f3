// What a person sees of the language server in the editor: squiggles, the Problems panel and
// the completion widget. Checks that type revert the file, so the workspace stays as prepared.
import assert from 'node:assert/strict';

export const checks = [
  {
    name: 'a misspelt key gets an error squiggle and a Problems entry on its line',
    async run({ workbench, screenshot }) {
      await workbench.openFile('fixtures/typo.role.yaml');
      await workbench.squiggles('error').first().waitFor();
      assert.equal(await workbench.squiggles('error').count(), 1, 'one error squiggle');
      const problems = await workbench.problems();
      const entry = problems.filter({ hasText: 'Unknown field "misson"' });
      await entry.first().waitFor();
      const text = await entry.first().innerText();
      assert.match(text, /schema\.unknown-key/);
      assert.match(text, /\[Ln 7, Col 1\]/);
      await screenshot('problems');
    },
  },
  {
    name: 'typing "- name: ml" under tools lists MLflow in the completion widget, and accepting it inserts the row',
    async run({ page, workbench, screenshot }) {
      await workbench.openFile('fixtures/smoke.role.yaml');
      await workbench.editor().click();
      // The file ends after the last tool row: a new row at the end of the file is under tools.
      await page.keyboard.press('Control+End');
      await page.keyboard.type('  - name: ml');
      const rows = await workbench.suggest();
      const mlflow = rows.filter({ hasText: 'MLflow' }).first();
      await mlflow.waitFor();
      await screenshot('suggest');
      await mlflow.click();
      await workbench.editor().locator('.view-line', { hasText: 'category: Experiment tracking / registry' }).waitFor();
      await workbench.revert();
    },
  },
];
