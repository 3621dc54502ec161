/** Entry of Accord's App Home page: registers it with HubSpot and nothing else. */
import { hubspot } from '@hubspot/ui-extensions';
import { AdminPage } from './components/AdminPage';

hubspot.extend<'home'>(() => <AdminPage />);
