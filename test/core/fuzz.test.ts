import * as assert from 'node:assert/strict';
import { runEditFuzz } from '../fuzz/editFuzz';
import { loadSeeds, runFuzz } from '../fuzz/harness';

// A bounded slice of `npm run fuzz`, so every `npm test` meets some hostile input.
suite('fuzz (bounded slice)', () => {
  test('120 mutated blueprints: no throw, every range inside the document, linear time, parses of edits equal whole parses', function () {
    this.timeout(120_000);
    const stats = runFuzz({ count: 120, seed: 424242 });
    assert.equal(stats.inputs, 120);
    assert.deepEqual(stats.crashes.map((c) => `${c.seed} ${c.feature}: ${c.problem.split('\n')[0]}`), []);
    assert.deepEqual(stats.outOfRange.map((c) => `${c.seed} ${c.feature}: ${c.problem}`), []);
    assert.deepEqual(stats.slow.map((c) => `${c.seed}: ${c.problem}`), []);
    assert.deepEqual(stats.parseDifferences.map((c) => `${c.seed} [${c.applied.join(', ')}]: ${c.problem}`), []);
    assert.ok(stats.diagnostics > 0, 'mutations produce diagnostics');
  });

  test('25 editing sessions: every version parsed from the pieces of the last equals a whole parse', function () {
    this.timeout(120_000);
    const { versions, differences } = runEditFuzz({ count: 25, seed: 777, seeds: loadSeeds() });
    assert.equal(versions, 75);
    assert.deepEqual(differences.map((d) => `run ${d.run} v${d.version}: ${d.difference}`), []);
  });
});
