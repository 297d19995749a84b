import { render } from 'preact';
import { startPage } from '../../../src/boot/start-page';

let root: HTMLElement | null = null;

/** Boots the real page at `path` (as main.tsx does) with the browser languages given. */
export async function openPage(path: string, languages: string[] = ['en-US']): Promise<HTMLElement> {
  closePage();
  history.replaceState(null, '', path);
  Object.defineProperty(window.navigator, 'languages', { value: languages, configurable: true });
  Object.defineProperty(window.navigator, 'language', { value: languages[0], configurable: true });
  root = document.createElement('div');
  root.id = 'app';
  document.body.append(root);
  await startPage(root);
  return root;
}

export function closePage(): void {
  if (!root) return;
  render(null, root);
  root.remove();
  root = null;
}
