/**
 * The settings form's working copy, and the update it makes: only what the admin changed is sent, so saving one field
 * never rewrites another an admin changed elsewhere meanwhile. Caps are typed as text: blank means no cap.
 */
import { settingsUpdateSchema, type OverwritePolicy, type Settings, type SettingsUpdate } from '@accord/shared';

export interface SettingsDraft {
  autoApplyThreshold: number;
  reviewThreshold: number;
  rateLimitSharePercent: number;
  monthlyCap: string;
  perUserDailyCap: string;
  perBatchCap: string;
  autoEnrichRecordsPerDay: number;
  autoEnrichMonthlyCredits: string;
  /** `object:field` → policy. */
  policies: Record<string, OverwritePolicy>;
}

export const policyLabels: Record<OverwritePolicy, string> = {
  'fill-empty': 'Fill only when empty',
  overwrite: 'Overwrite',
  never: 'Never write',
};

const fieldLabels: Record<string, string> = {
  autoApplyThreshold: 'The auto-apply threshold',
  reviewThreshold: 'The review threshold',
  rateLimitSharePercent: "The share of HubSpot's API limits",
  autoEnrich: 'The automatic enrichment allowance',
};

export const policyKey = (p: { object: string; field: string }) => `${p.object}:${p.field}`;

const capText = (cap: number | null) => (cap === null ? '' : String(cap));

export function draftOf(settings: Settings): SettingsDraft {
  return {
    autoApplyThreshold: settings.autoApplyThreshold,
    reviewThreshold: settings.reviewThreshold,
    rateLimitSharePercent: settings.rateLimitSharePercent,
    monthlyCap: capText(settings.credits.monthlyCap),
    perUserDailyCap: capText(settings.credits.perUserDailyCap),
    perBatchCap: capText(settings.credits.perBatchCap),
    autoEnrichRecordsPerDay: settings.autoEnrich.recordsPerDay,
    autoEnrichMonthlyCredits: capText(settings.autoEnrich.monthlyCredits),
    policies: Object.fromEntries(settings.fieldPolicies.map((p) => [policyKey(p), p.policy])),
  };
}

export type DraftCheck = { ok: true; update: SettingsUpdate } | { ok: false; message: string };

/** A cap as typed: blank is no cap, else whole credits. */
function capOf(text: string, label: string): number | null | string {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return null;
  if (!/^\d{1,12}$/.test(t)) return `${label} must be a whole number of credits, or blank for no cap.`;
  return Number(t);
}

/** The update from `settings` to `draft` (changed fields only), or what is wrong with the draft. Pure. */
export function updateOf(settings: Settings, draft: SettingsDraft): DraftCheck {
  if (!(draft.reviewThreshold < draft.autoApplyThreshold)) return { ok: false, message: 'The review threshold must be below the auto-apply threshold.' };
  const caps = {
    monthlyCap: capOf(draft.monthlyCap, 'The monthly cap'),
    perUserDailyCap: capOf(draft.perUserDailyCap, 'The per-user daily cap'),
    perBatchCap: capOf(draft.perBatchCap, 'The per-batch cap'),
    monthlyCredits: capOf(draft.autoEnrichMonthlyCredits, 'The automatic enrichment credit limit'),
  };
  for (const value of Object.values(caps)) if (typeof value === 'string') return { ok: false, message: value };
  const update: SettingsUpdate = {};
  if (draft.autoApplyThreshold !== settings.autoApplyThreshold) update.autoApplyThreshold = draft.autoApplyThreshold;
  if (draft.reviewThreshold !== settings.reviewThreshold) update.reviewThreshold = draft.reviewThreshold;
  if (draft.rateLimitSharePercent !== settings.rateLimitSharePercent) update.rateLimitSharePercent = draft.rateLimitSharePercent;
  const credits: NonNullable<SettingsUpdate['credits']> = {};
  for (const name of ['monthlyCap', 'perUserDailyCap', 'perBatchCap'] as const) {
    if (caps[name] !== settings.credits[name]) credits[name] = caps[name] as number | null;
  }
  if (Object.keys(credits).length > 0) update.credits = credits;
  const autoEnrich: NonNullable<SettingsUpdate['autoEnrich']> = {};
  if (draft.autoEnrichRecordsPerDay !== settings.autoEnrich.recordsPerDay) autoEnrich.recordsPerDay = draft.autoEnrichRecordsPerDay;
  if (caps.monthlyCredits !== settings.autoEnrich.monthlyCredits) autoEnrich.monthlyCredits = caps.monthlyCredits as number | null;
  if (Object.keys(autoEnrich).length > 0) update.autoEnrich = autoEnrich;
  const policies = settings.fieldPolicies.flatMap((p) => {
    const policy = draft.policies[policyKey(p)];
    return policy !== undefined && policy !== p.policy ? [{ object: p.object, field: p.field, policy }] : [];
  });
  if (policies.length > 0) update.fieldPolicies = policies;
  const parsed = settingsUpdateSchema.safeParse(update);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue === undefined ? undefined : fieldLabels[String(issue.path[0])];
    return { ok: false, message: `${field ?? 'A setting'} is out of range (${issue?.message ?? 'invalid'}).` };
  }
  return { ok: true, update: parsed.data };
}
