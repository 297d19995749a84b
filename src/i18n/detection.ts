/**
 * Where the page looks for the visitor's language, in order: the link's ?lang, their own earlier choice, every
 * navigator.languages entry (the detector's built-in lookup). The build keeps only the built-in lookups named here.
 */
export const DETECTION_ORDER = ['directLink', 'storedChoice', 'navigator'];
