import type { RuleLevel, Settings } from '../core/types';
import { isRecord } from '../core/values';

/**
 * `roleBlueprint.*` as the client sends it, checked field by field: a wrong value is left out
 * (the default applies) and reported, never passed on to the core.
 */

export interface ServerSettings {
  /** What the core's `updateSettings` takes. */
  readonly core: Partial<Settings>;
  /** `roleBlueprint.catalogs`: catalog files, relative to the workspace folder or absolute. */
  readonly catalogs: readonly string[];
  /** `roleBlueprint.schemas`: glob → organisation schema file. */
  readonly schemas: Readonly<Record<string, string>>;
  /** One line per value that was ignored. */
  readonly problems: readonly string[];
}

const LEVELS = new Set<RuleLevel>(['off', 'hint', 'info', 'warning', 'error']);


export function readServerSettings(raw: unknown): ServerSettings {
  const problems: string[] = [];
  const core: { -readonly [K in keyof Settings]?: Settings[K] } = {};
  const catalogs: string[] = [];
  const schemas: Record<string, string> = {};
  if (raw === undefined || raw === null) return { core, catalogs, schemas, problems };
  if (!isRecord(raw)) return { core, catalogs, schemas, problems: ['roleBlueprint settings are not an object; the defaults apply'] };

  if (raw.validate !== undefined) {
    if (typeof raw.validate === 'boolean') core.validate = raw.validate;
    else problems.push('roleBlueprint.validate should be true or false');
  }
  if (raw.maxFileSize !== undefined) {
    if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize > 0) core.maxFileSize = raw.maxFileSize;
    else problems.push('roleBlueprint.maxFileSize should be a positive number');
  }
  if (raw.maxMustHaveSkills !== undefined) {
    if (typeof raw.maxMustHaveSkills === 'number' && Number.isInteger(raw.maxMustHaveSkills) && raw.maxMustHaveSkills > 0) core.maxMustHaveSkills = raw.maxMustHaveSkills;
    else problems.push('roleBlueprint.maxMustHaveSkills should be a positive whole number');
  }
  if (raw.rules !== undefined) {
    if (isRecord(raw.rules)) {
      const rules: Record<string, RuleLevel> = {};
      for (const [code, level] of Object.entries(raw.rules)) {
        if (typeof level === 'string' && LEVELS.has(level as RuleLevel)) rules[code] = level as RuleLevel;
        else problems.push(`roleBlueprint.rules["${code}"] should be off, hint, info, warning or error`);
      }
      core.rules = rules;
    } else problems.push('roleBlueprint.rules should be an object of code → level');
  }
  if (raw.catalogs !== undefined) {
    if (Array.isArray(raw.catalogs)) {
      for (const entry of raw.catalogs) {
        if (typeof entry === 'string' && entry.trim()) catalogs.push(entry);
        else problems.push('roleBlueprint.catalogs should list file paths');
      }
    } else problems.push('roleBlueprint.catalogs should be a list of file paths');
  }
  if (raw.schemas !== undefined) {
    if (isRecord(raw.schemas)) {
      for (const [glob, schemaPath] of Object.entries(raw.schemas)) {
        if (typeof schemaPath === 'string' && schemaPath.trim()) schemas[glob] = schemaPath;
        else problems.push(`roleBlueprint.schemas["${glob}"] should be a schema file path`);
      }
    } else problems.push('roleBlueprint.schemas should be an object of glob → schema file');
  }
  return { core, catalogs, schemas, problems };
}
