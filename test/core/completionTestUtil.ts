import type { CompletionItem, Position } from 'vscode-languageserver-types';
import schema from '../../schemas/role-blueprint.schema.json';
import { BUILT_IN_CATALOG, CatalogStore } from '../../server/src/core/catalog';
import type { Catalog } from '../../server/src/core/catalog/types';
import { WorkspaceIndex } from '../../server/src/core/catalog/workspaceIndex';
import { CompletionProvider } from '../../server/src/core/completion';
import { HoverProvider } from '../../server/src/core/hover';
import { SchemaNavigator, type SchemaNode } from '../../server/src/core/schemaNavigation';
import { docOf } from './testUtil';

export const CURSOR = '$$CURSOR$$';

/** The document without the cursor marker, and the marker's position. */
export function atCursor(source: string, uri = 'file:///test.role.yaml', version = 1): { doc: ReturnType<typeof docOf>; position: Position } {
  const offset = source.indexOf(CURSOR);
  if (offset < 0) throw new Error('fixture has no cursor marker');
  const doc = docOf(source.replace(CURSOR, ''), uri, version);
  return { doc, position: doc.positionAt(offset) };
}

/** A small catalog whose values the tests can assert exactly. */
export const TEST_CATALOG: Catalog = {
  kpis: [
    { name: 'Deployment success rate', fields: { category: 'Reliability', measures: '% of deployments without rollback', why: 'Signals release quality', target: '>= 95%', frequency: 'Weekly' }, roles: ['Lead MLOps Engineer', 'MLOps Consultant'] },
    { name: 'Lead time for change', fields: { measures: 'Commit to production', target: '< 1 day', frequency: 'Monthly' }, roles: ['MLOps Consultant'] },
  ],
  tools: [
    { name: 'Model registry', fields: { category: 'Registry', use: 'Promote models', prevalence: 'optional' }, roles: ['Lead MLOps Engineer'] },
    { name: 'MLflow', fields: { category: 'Experiment tracking / registry', use: 'Track runs, register models', prevalence: 'common' }, roles: ['Associate MLOps Consultant', 'Lead MLOps Engineer'] },
    { name: 'Kubernetes', fields: { category: 'Orchestration', use: 'Run serving', prevalence: 'common' }, roles: ['Lead MLOps Engineer'] },
    { name: 'Terraform', fields: { category: 'Infrastructure as code', use: 'Provision infrastructure', prevalence: 'common' }, roles: ['Lead MLOps Engineer'] },
    { name: 'GitHub Actions', fields: { category: 'CI/CD', use: 'Build and deploy', prevalence: 'common' }, roles: ['MLOps Consultant'] },
  ],
  technical_skills: [
    { name: 'Python for production ML workflows', fields: { importance: 'critical', description: 'Writing tested Python', use: 'Pipelines' }, tier: 'must_have', roles: ['Associate MLOps Consultant'] },
  ],
  soft_skills: [
    { name: 'Structured problem solving', fields: { description: 'Breaks down ambiguity', shows_up: 'Writes crisp problem statements' }, roles: ['MLOps Consultant'] },
  ],
};

/** The completion and hover providers over real collaborators, with a chosen built-in catalog. */
export function createFeatures(builtin: Catalog = TEST_CATALOG) {
  const workspace = new WorkspaceIndex();
  const catalogs = new CatalogStore(workspace, builtin);
  const navigator = new SchemaNavigator(schema as unknown as SchemaNode);
  const completion = new CompletionProvider({ navigator, catalogs, workspace });
  const hover = new HoverProvider({ navigator, catalogs });
  return {
    workspace,
    catalogs,
    completion,
    hover,
    /** Completion items at the cursor marker. */
    complete(source: string, uri?: string): CompletionItem[] {
      const { doc, position } = atCursor(source, uri);
      const list = completion.getCompletions(doc, position);
      if (list.isIncomplete) throw new Error('expected a complete list');
      return list.items;
    },
  };
}

export { BUILT_IN_CATALOG };

/** Labels in the order the client shows them when nothing is typed (by sortText, then label). */
export function labels(items: readonly CompletionItem[]): string[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label)).map((i) => i.label);
}

export function newText(item: CompletionItem | undefined): string | undefined {
  return item?.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined;
}

export function editRange(item: CompletionItem | undefined) {
  return item?.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined;
}
