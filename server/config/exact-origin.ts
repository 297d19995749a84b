/** True for a bare http(s) origin such as "https://shop.example" or "http://localhost:3000": no path, no spaces. */
export function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
