/** Identifiers shared with package.json's `contributes`; a rename must change both. */
export const LANGUAGE_ID = 'role-blueprint';
export const PREVIEW_VIEW_TYPE = 'roleBlueprint.preview';
/** Context key: a Role Blueprint preview is the active editor (for the lock command's menus). */
export const PREVIEW_FOCUS_CONTEXT = 'roleBlueprintPreviewFocus';
/** Role files in the workspace, as a glob (document selector, file search). */
export const BLUEPRINT_GLOB = '**/*.role.{yaml,yml}';
