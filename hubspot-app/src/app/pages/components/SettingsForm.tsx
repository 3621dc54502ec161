/**
 * Admins change Accord's settings here: match thresholds, the share of HubSpot's API limits Accord may use, credit
 * caps, the automatic-enrichment allowance and each field's overwrite rule. Only what changed is sent.
 */
import { useState } from 'react';
import { Alert, Button, Flex, Heading, Input, NumberInput, Select, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { OverwritePolicy, Settings, SettingsUpdate } from '@accord/shared';
import { ActionError, type RequestState } from '@accord/hubspot-client';
import { draftOf, policyKey, policyLabels, updateOf, type SettingsDraft } from '../settings-draft';
import { WholeNumberInput } from './WholeNumberInput';

const policyOptions = (Object.keys(policyLabels) as OverwritePolicy[]).map((value) => ({ label: policyLabels[value], value }));

interface SettingsFormProps {
  settings: Settings;
  saving: RequestState<Settings>;
  /** Resolves whether the settings were saved. */
  onSave: (update: SettingsUpdate) => Promise<boolean>;
}

export function SettingsForm({ settings, saving, onSave }: SettingsFormProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [saved, setSaved] = useState(false);
  const check = updateOf(settings, draft);
  const changed = check.ok && Object.keys(check.update).length > 0;
  const edit = (patch: Partial<SettingsDraft>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };
  const save = async () => {
    if (!check.ok) return;
    if (await onSave(check.update)) setSaved(true);
  };
  return (
    <Flex direction="column" gap="sm">
      <Heading>Settings</Heading>
      {!check.ok ? (
        <Alert testId="settings-invalid" title="Not saved yet" variant="warning">
          {check.message}
        </Alert>
      ) : null}
      {saving.status === 'error' ? <ActionError error={saving.error} /> : null}
      <Flex direction="row" gap="sm" align="end" wrap="wrap">
        <NumberInput testId="settings-auto" label="Auto-apply at confidence" name="autoApplyThreshold" precision={2} min={0.5} max={1} value={draft.autoApplyThreshold} onChange={(v) => edit({ autoApplyThreshold: v })} />
        <NumberInput testId="settings-review" label="Review from confidence" name="reviewThreshold" precision={2} min={0} max={1} value={draft.reviewThreshold} onChange={(v) => edit({ reviewThreshold: v })} />
        <WholeNumberInput testId="settings-rate-share" label="Share of HubSpot's API limits (%)" name="rateLimitSharePercent" min={1} max={100} value={draft.rateLimitSharePercent} onChange={(v) => edit({ rateLimitSharePercent: v })} />
      </Flex>
      <Flex direction="row" gap="sm" align="end" wrap="wrap">
        <Input testId="settings-cap-monthly" label="Monthly credit cap" name="monthlyCap" placeholder="No cap" value={draft.monthlyCap} onChange={(v) => edit({ monthlyCap: v })} />
        <Input testId="settings-cap-user-daily" label="Per user per day" name="perUserDailyCap" placeholder="No cap" value={draft.perUserDailyCap} onChange={(v) => edit({ perUserDailyCap: v })} />
        <Input testId="settings-cap-batch" label="Per batch" name="perBatchCap" placeholder="No cap" value={draft.perBatchCap} onChange={(v) => edit({ perBatchCap: v })} />
      </Flex>
      <Flex direction="row" gap="sm" align="end" wrap="wrap">
        <WholeNumberInput testId="settings-auto-enrich-records" label="Automatic enrichment: records a day (0 = off)" name="autoEnrichRecordsPerDay" min={0} max={1_000_000} value={draft.autoEnrichRecordsPerDay} onChange={(v) => edit({ autoEnrichRecordsPerDay: v })} />
        <Input testId="settings-auto-enrich-credits" label="… and credits a month" name="autoEnrichMonthlyCredits" placeholder="Within the caps" value={draft.autoEnrichMonthlyCredits} onChange={(v) => edit({ autoEnrichMonthlyCredits: v })} />
      </Flex>
      {settings.fieldPolicies.length > 0 ? (
        <Table bordered={true} density="condensed" testId="settings-field-policies">
          <TableHead>
            <TableRow>
              <TableHeader>Object</TableHeader>
              <TableHeader>Field</TableHeader>
              <TableHeader>When Accord has a value</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {settings.fieldPolicies.map((p) => (
              <TableRow key={policyKey(p)}>
                <TableCell>{p.object}</TableCell>
                <TableCell>{p.label}</TableCell>
                <TableCell>
                  <Select
                    testId={`settings-policy-${policyKey(p)}`}
                    label=""
                    value={draft.policies[policyKey(p)] ?? p.policy}
                    options={policyOptions}
                    onChange={(value) => {
                      const policy = policyOptions.find((o) => o.value === value)?.value;
                      if (policy) edit({ policies: { ...draft.policies, [policyKey(p)]: policy } });
                    }}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Flex direction="row" gap="sm" align="center">
        <Button testId="save-settings" variant="primary" disabled={!changed || saving.status === 'loading'} onClick={() => void save()}>
          Save settings
        </Button>
        {saved && !changed ? <Text testId="settings-saved">Saved.</Text> : null}
      </Flex>
    </Flex>
  );
}
