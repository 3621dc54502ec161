/**
 * A batch's estimate: records by band, the fields that will change (or, for a create-people batch, the fields set on
 * the new contacts) and how often, the contacts it would create, credits and duration.
 */
import { Alert, DescriptionList, DescriptionListItem, Flex, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { BatchType, BatchEstimate as Estimate } from '@accord/shared';
import { formatCredits, formatDuration } from '@accord/hubspot-client';

function peopleWords(people: NonNullable<Estimate['people']>): string {
  const created = `${people.toCreate} new ${people.toCreate === 1 ? 'contact' : 'contacts'} will be created`;
  return `${created}, ${people.alreadyInCrm} ${people.alreadyInCrm === 1 ? 'is' : 'are'} already in your CRM`;
}

export function BatchEstimate({ estimate, type }: { estimate: Estimate; type: BatchType }) {
  return (
    <Flex direction="column" gap="sm">
      {estimate.people ? <Text testId="estimate-people" format={{ fontWeight: 'demibold' }}>{peopleWords(estimate.people)}</Text> : null}
      <DescriptionList direction="row">
        <DescriptionListItem label="Records">
          <Text testId="estimate-records">{`${estimate.records} (${estimate.recordsChanging} changing)`}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="By match band">
          <Text testId="estimate-bands">{`${estimate.byBand.auto} strong · ${estimate.byBand.review} need review · ${estimate.byBand.none} no match`}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Credits">
          <Text testId="estimate-credits">{`${formatCredits(estimate.expectedCredits)} expected, at most ${formatCredits(estimate.maxCredits)}; balance ${formatCredits(estimate.balance)}`}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Duration">
          <Text testId="estimate-duration">{`About ${formatDuration(estimate.expectedSeconds)}`}</Text>
        </DescriptionListItem>
      </DescriptionList>
      {estimate.withinCaps ? null : (
        <Alert testId="estimate-over-caps" title="Over a spending cap" variant="warning">
          This batch would go over a credit cap or the balance. Approving it will be refused until the caps allow it.
        </Alert>
      )}
      {estimate.fieldChanges.length > 0 ? (
        <Table bordered={true} density="condensed" testId="estimate-fields">
          <TableHead>
            <TableRow>
              <TableHeader>{type === 'create_people' ? 'Field set on new contacts' : 'Field that will change'}</TableHeader>
              <TableHeader>Records</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {estimate.fieldChanges.map((change) => (
              <TableRow key={change.field}>
                <TableCell>{change.field}</TableCell>
                <TableCell>{change.count}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Flex>
  );
}
