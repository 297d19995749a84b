import { startPage } from './boot/start-page';
import { showBootError } from './dom/show-boot-error';
import './styles/base.css';

// Only the locale download can fail before render (offline at first load): index.html's static notice says so.
startPage(document.getElementById('app') as HTMLElement).catch(() => showBootError());
