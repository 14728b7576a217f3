import * as assert from 'node:assert/strict';
import { bestMatch, matchScore, rankMatches } from '../../server/src/core/nameMatch';

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
