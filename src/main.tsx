import { startPage } from './boot/start-page';
import { showBootError } from './dom/show-boot-error';
import { isEmbedded, tellParent } from './embed/parent-bridge';
import './styles/base.css';

// The embed loader shows its frame only once the page itself runs in it (not a frame-ancestors refusal).
if (isEmbedded()) tellParent('ready');
// Only the locale download can fail before render (offline at first load): index.html's static notice says so.
startPage(document.getElementById('app') as HTMLElement).catch(() => showBootError());
