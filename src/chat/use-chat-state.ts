import { useEffect, useState } from 'preact/hooks';
import type { ChatEngine } from './chat-engine';
import type { ChatState } from './chat-state';

export function useChatState(controller: ChatEngine): ChatState {
  const [state, setState] = useState(controller.getState());
  useEffect(() => {
    setState(controller.getState());
    return controller.subscribe(setState);
  }, [controller]);
  return state;
}
