/** Which fields agreed with the reference record, which disagreed, and which could not be compared. */
import { DescriptionList, DescriptionListItem, Text } from '@hubspot/ui-extensions';
import type { MatchReason } from '@accord/shared';
import { reasonGroupOf, type ReasonGroup } from '../wording';

const groupLabels: Record<ReasonGroup, string> = { agreed: 'Agreed', disagreed: 'Disagreed', missing: 'Missing' };
const groups: ReasonGroup[] = ['agreed', 'disagreed', 'missing'];

function describeReason(reason: MatchReason): string {
  if (reason.comparison === 'missing') return reason.field;
  if (reason.comparison === 'disagree') return `${reason.field} (${reason.crmValue ?? '—'} vs ${reason.referenceValue ?? '—'})`;
  return `${reason.field} (${reason.comparison})`;
}

export function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  return (
    <DescriptionList direction="row">
      {groups.map((group) => {
        const inGroup = reasons.filter((reason) => reasonGroupOf[reason.comparison] === group);
        return (
          <DescriptionListItem key={group} label={groupLabels[group]}>
            <Text testId={`reasons-${group}`}>{inGroup.length > 0 ? inGroup.map(describeReason).join(', ') : 'None'}</Text>
          </DescriptionListItem>
        );
      })}
    </DescriptionList>
  );
}
