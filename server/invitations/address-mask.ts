/**
 * An address as the console shows it: enough to recognise, not enough to copy. `john@example.com` → `j***@example.com`,
 * `+33612345678` → `+33*******78` (the country code and the last two digits stay).
 */
export function maskAddress(address: string): string {
  return address.includes('@') ? maskEmail(address) : maskPhone(address);
}

function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return `${Array.from(address.slice(0, at))[0] ?? ''}***${address.slice(at)}`;
}

function maskPhone(phone: string): string {
  if (phone.length <= 5) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 5) + phone.slice(-2);
}
