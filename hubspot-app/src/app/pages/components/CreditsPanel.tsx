/**
 * The account's credits: balance, reserved and available, this month's usage against the cap, and alerts; for admins
 * the caps and the automatic-enrichment allowance from the settings.
 */
import { Alert, DescriptionList, DescriptionListItem, Flex, Heading, ProgressBar, Statistics, StatisticsItem, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { CreditAlert, CreditsReply, Settings } from '@accord/shared';
import { formatCredits, formatTimestamp } from '@accord/hubspot-client';

const alertKindWords: Record<CreditAlert['kind'], string> = { monthly_cap: 'of the monthly cap used', balance: 'of the credit balance used' };

function formatCap(cap: number | null): string {
  return cap === null ? 'No cap' : formatCredits(cap);
}

/** Batches of pulled records are approved without a person within this allowance; 0 records a day turns it off. */
export function describeAutoEnrich({ recordsPerDay, monthlyCredits }: Settings['autoEnrich']): string {
  if (recordsPerDay === 0) return 'Off: every batch waits for an admin.';
  const credits = monthlyCredits === null ? 'within the credit caps' : `and ${formatCredits(monthlyCredits)} a month`;
  return `Up to ${recordsPerDay.toLocaleString('en-US')} records a day ${credits} are approved without an admin.`;
}

export function CreditsPanel({ credits, settings }: { credits: CreditsReply; settings: Pick<Settings, 'credits' | 'autoEnrich'> | null }) {
  const caps = settings?.credits ?? null;
  const { balance, usage, alerts, reservations } = credits;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Credits</Heading>
      {alerts.map((alert) => (
        <Alert key={`${alert.kind}-${alert.threshold}`} testId={`credit-alert-${alert.kind}-${alert.threshold}`} title={`${alert.threshold}% ${alertKindWords[alert.kind]}`} variant={alert.threshold === 100 ? 'danger' : 'warning'}>
          {`Reached ${formatTimestamp(alert.at)}.`}
        </Alert>
      ))}
      <Statistics>
        <StatisticsItem label="Balance" number={balance.balance} />
        <StatisticsItem label="Reserved for batches" number={balance.reserved} />
        <StatisticsItem label="Available" number={balance.available} />
        <StatisticsItem label={`Used in ${usage.month}`} number={usage.total} />
      </Statistics>
      {balance.monthlyCap === null ? (
        <Text testId="monthly-cap">No monthly cap.</Text>
      ) : (
        <ProgressBar
          testId="monthly-cap"
          title="Monthly cap"
          value={Math.min(balance.usedThisMonth, balance.monthlyCap)}
          maxValue={balance.monthlyCap}
          valueDescription={`${formatCredits(balance.usedThisMonth)} of ${formatCredits(balance.monthlyCap)}`}
          variant={balance.usedThisMonth >= balance.monthlyCap ? 'danger' : balance.usedThisMonth >= balance.monthlyCap * 0.8 ? 'warning' : 'success'}
        />
      )}
      {caps ? (
        <DescriptionList direction="row">
          <DescriptionListItem label="Monthly cap">
            <Text testId="cap-monthly">{formatCap(caps.monthlyCap)}</Text>
          </DescriptionListItem>
          <DescriptionListItem label="Per user per day">
            <Text testId="cap-user-daily">{formatCap(caps.perUserDailyCap)}</Text>
          </DescriptionListItem>
          <DescriptionListItem label="Per batch">
            <Text testId="cap-batch">{formatCap(caps.perBatchCap)}</Text>
          </DescriptionListItem>
        </DescriptionList>
      ) : null}
      {settings ? (
        <DescriptionList direction="row">
          <DescriptionListItem label="Automatic enrichment">
            <Text testId="auto-enrich">{describeAutoEnrich(settings.autoEnrich)}</Text>
          </DescriptionListItem>
        </DescriptionList>
      ) : null}
      {reservations.length > 0 ? <Text testId="reservations">{`Held for ${reservations.length} approved ${reservations.length === 1 ? 'batch' : 'batches'}.`}</Text> : null}
      {usage.byUser.length > 0 ? (
        <Table bordered={true} density="condensed" testId="usage-by-user">
          <TableHead>
            <TableRow>
              <TableHeader>Used by</TableHeader>
              <TableHeader>Credits</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {usage.byUser.map((row) => (
              <TableRow key={row.userId ?? 'batches'}>
                <TableCell>{row.userId === null ? 'Batches' : `User ${row.userId}`}</TableCell>
                <TableCell>{formatCredits(row.credits)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Flex>
  );
}
