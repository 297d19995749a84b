// Timestamps for agents: the time alone for today, date and time otherwise; nothing for an unreadable value.
const timeOnly = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' });
const dateAndTime = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const full = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

function parse(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatShortTime(iso: string, now: Date = new Date()): string {
  const date = parse(iso);
  if (!date) return '';
  return date.toDateString() === now.toDateString() ? timeOnly.format(date) : dateAndTime.format(date);
}

export function formatFullTime(iso: string): string {
  const date = parse(iso);
  return date ? full.format(date) : '';
}
