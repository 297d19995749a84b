// An app whose config strings come from the Big List of Naughty Strings (test/server/fixtures/blns): they must stay
// text on the page the server writes (first-screen.spec.ts).
export const NAUGHTY_TITLE = '</title><script>alert(1)</script><!-- "\'';
export const NAUGHTY_WELCOME = '<img src=x onerror=alert(2)> &amp; <svg><script>alert(3)</script></svg> \u202eRTL';
