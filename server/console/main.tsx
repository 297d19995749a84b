import { render } from 'preact';
import { resolveApiBase } from './api/api-base';
import { ConsoleApp } from './console-app';
import './styles/base.css';
import './styles/layout.css';
import './styles/conversation.css';
import './styles/section-nav.css';
import './styles/agents.css';
import './styles/links.css';
import './styles/participants.css';
import './styles/invitations.css';
import './styles/api-keys.css';

const configured = document.querySelector<HTMLMetaElement>('meta[name="direct-chat:api-base"]')?.content;
render(<ConsoleApp apiBase={resolveApiBase(configured, location.origin)} />, document.getElementById('app')!);
