/** Every storage key the page uses, in one place. */
export const storageKeys = {
  languageChoice: 'dc:lang',
  visitorToken: (appId: string) => `dc:${appId}:token`,
  currentSession: (appId: string) => `dc:${appId}:session`,
  draft: (appId: string) => `dc:${appId}:draft`,
  outbox: (appId: string) => `dc:${appId}:outbox`,
};
