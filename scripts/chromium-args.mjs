// How Chromium runs on these machines, for the end-to-end suite and the Lighthouse benchmark alike.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // The embed test's host page is fulfilled by the test itself, so Chromium sees it outside the loopback address
  // space and would refuse its requests to 127.0.0.1 (Local Network Access). Real hosts are real sites.
  '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests',
];
