import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { bestMatch, CandidateIndex, matchScore, rankMatches } from '../../server/src/core/nameMatch';
import { normaliseName } from '../../server/src/core/strings';

suite('nameMatch: summary short forms against defined names', () => {
  const skills = [
    'Python for production ML workflows',
    'Kubernetes and container orchestration',
    'Model registry and experiment tracking (MLflow, SageMaker Model Registry)',
    'Infrastructure-as-Code basics',
    'Git and pull request workflows',
  ];

  const cases: [string, string | undefined][] = [
    ['Kubernetes', 'Kubernetes and container orchestration'],
    ['MLflow/model registry', 'Model registry and experiment tracking (MLflow, SageMaker Model Registry)'],
    ['Python', 'Python for production ML workflows'],
    ['Git/PR workflows', 'Git and pull request workflows'],
    ['IaC basics (Terraform or equivalent)', 'Infrastructure-as-Code basics'],
    ['Kubernets', 'Kubernetes and container orchestration'],
    ['Quantum annealing', undefined],
    ['Negotiation', undefined],
  ];
  for (const [name, expected] of cases) {
    test(`${name} → ${expected ?? 'no plausible match'}`, () => {
      assert.equal(bestMatch(name, skills)?.candidate, expected);
    });
  }

  test('the same name scores 1, case and punctuation ignored', () => {
    assert.equal(matchScore('CI/CD', 'ci-cd'), 1);
    assert.equal(bestMatch('ci / cd', ['CI/CD', 'CD players'])?.index, 0);
  });

  test('inflections match: package/packaging, deploy/deployment, pipelines/pipeline', () => {
    assert.ok(matchScore('Package models for deployment', 'Packaging and deploying model pipelines') >= 0.5);
  });

  test('a leading verb is phrasing, not identity', () => {
    assert.equal(bestMatch('Build self-service golden paths', ['Own the golden paths for self-service delivery', 'Run incident reviews'])?.index, 0);
  });

  test('rankMatches: best first, zero scores left out', () => {
    const ranked = rankMatches('Kubernetes operators', ['Kafka', 'Kubernetes', 'Kubernetes operators and CRDs']);
    assert.deepEqual(
      ranked.map((m) => m.candidate),
      ['Kubernetes operators and CRDs', 'Kubernetes'],
    );
  });

  test('empty and punctuation-only names match nothing', () => {
    assert.equal(bestMatch('', ['A']), undefined);
    assert.equal(bestMatch('---', ['---']), undefined);
    assert.equal(bestMatch('Kubernetes', []), undefined);
  });
});

suite('nameMatch: CandidateIndex ranks as rankMatches does, also after updates', () => {
  const words = ['kubernetes', 'kubernets', 'Kafka', 'MLflow', 'model', 'registry', 'and', 'CI/CD', 'pipelines', 'pipeline', 'deploy', 'deployment', 'IaC', 'infrastructure', 'as', 'code', '(EKS)', 'Payments:', 'Search 2:', 'Grafana', 'Garfana', 'Prometheus', 'Pormetheus'];
  const name = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
  const list = fc.array(name, { maxLength: 12 });

  test('rank, best and hasPlausible agree with rankMatches and bestMatch over the current list', () => {
    fc.assert(
      fc.property(fc.array(list, { minLength: 1, maxLength: 4 }), fc.array(name, { minLength: 1, maxLength: 5 }), (lists, queries) => {
        const index = new CandidateIndex(lists[0]);
        for (const candidates of lists) {
          index.update(candidates);
          for (const query of queries) {
            assert.deepEqual(index.rank(query), rankMatches(query, candidates));
            assert.deepEqual(index.best(query), bestMatch(query, candidates));
            assert.equal(index.hasPlausible(query), bestMatch(query, candidates) !== undefined);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a repeated candidate is ranked at each of its positions', () => {
    const index = new CandidateIndex(['Kafka', 'Kubernetes', 'Kafka']);
    assert.deepEqual(
      index.rank('Kafka').map((m) => m.index),
      [0, 2],
    );
    index.update(['Kubernetes', 'Kafka']);
    assert.deepEqual(
      index.rank('Kafka').map((m) => m.index),
      [1],
    );
  });
});

suite('normaliseName: the ASCII path gives what the Unicode-class replace gives', () => {
  const reference = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}+#]+/gu, ' ').trim();
  const ascii = fc.string({ unit: fc.constantFrom(...'aZ09 +#-_/().,:\t\nÄé'.split('')), maxLength: 30 });

  test('equal to the reference on ASCII-heavy and arbitrary Unicode text, and idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 })), (name) => {
        assert.equal(normaliseName(name), reference(name));
        assert.equal(normaliseName(normaliseName(name)), normaliseName(name));
      }),
      { numRuns: 2000 },
    );
  });

  test('examples', () => {
    assert.equal(normaliseName('  CI/CD -- Pipelines  '), 'ci cd pipelines');
    assert.equal(normaliseName('C++ & C#'), 'c++ c#');
    assert.equal(normaliseName('kafka'), 'kafka');
    assert.equal(normaliseName('Größe (Ä)'), 'größe ä');
    assert.equal(normaliseName('--'), '');
  });
});
