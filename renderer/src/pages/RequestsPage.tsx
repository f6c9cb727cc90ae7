import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { PageError, PageLoading } from '../components/PageStates.js';
import { useCas } from '../hooks/use-issuing.js';
import { useSettings } from '../hooks/use-settings.js';
import { CompleteRequestPanel } from '../screens/CompleteRequestPanel.js';
import { RequestAccessPanel } from '../screens/RequestAccessPanel.js';
import { SignRequestPanel } from '../screens/SignRequestPanel.js';

const TITLE = 'Requests';

/** The three steps of a request whose key never travels: ask, sign (the CA holder), complete. */
export function RequestsPage() {
  const cas = useCas();
  const settings = useSettings();
  const failure = cas.error ?? settings.error;
  if (failure) return <PageError title={TITLE} error={failure} />;
  if (cas.data === undefined || settings.data === undefined)
    return <PageLoading title={TITLE} what="Loading…" />;
  return (
    <div className="screen page-screen">
      <header className="app-header">
        <h1 className="app-title">{TITLE}</h1>
      </header>
      <div className="page-body">
        <Tabs className="tabs">
          <TabList className="tab-list" aria-label="Request steps">
            <Tab className="tab" id="request">
              Request access
            </Tab>
            <Tab className="tab" id="sign">
              Sign a request
            </Tab>
            <Tab className="tab" id="complete">
              Complete a request
            </Tab>
          </TabList>
          <TabPanel id="request">
            <RequestAccessPanel />
          </TabPanel>
          <TabPanel id="sign">
            {cas.data.length === 0 ? (
              <p className="field-hint">Signing needs the cluster’s CA: import it on the CAs page first.</p>
            ) : (
              <SignRequestPanel cas={cas.data} settings={settings.data} />
            )}
          </TabPanel>
          <TabPanel id="complete">
            <CompleteRequestPanel />
          </TabPanel>
        </Tabs>
      </div>
    </div>
  );
}
