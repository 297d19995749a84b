// The chat page's parts that its first screen does not show: the conversation itself (history, live messages,
// typing), what the engine reports (connection, identity notice, a closed conversation), changing conversation (new
// chat, earlier chats). One chunk, fetched once the first paint is on screen, in parallel with the conversation
// engine, which is what fills them.
export { MessageList } from '../components/message-list';
export { ConnectionBanner } from '../components/connection-banner';
export { IdentityNotice } from '../components/identity-notice';
export { SessionClosed } from '../components/session-closed';
export { EarlierChats, openConversation, startNewChat } from './conversation-actions';
// The list asks for its transcript renderer when it mounts: carried here, it comes with the list, not one round trip
// after it.
export { Transcript } from '../components/message-list/transcript';
