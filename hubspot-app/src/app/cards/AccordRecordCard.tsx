/** Entry of the record card: registers it with HubSpot and nothing else. */
import { hubspot } from '@hubspot/ui-extensions';
import { RecordCard } from './components/RecordCard';

hubspot.extend<'crm.record.tab'>(() => <RecordCard />);
