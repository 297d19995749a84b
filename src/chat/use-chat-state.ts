import { useEffect, useState } from 'preact/hooks';
import type { ChatController } from './chat-controller';
import type { ChatState } from './chat-state';

export function useChatState(controller: ChatController): ChatState {
  const [state, setState] = useState(controller.getState());
  useEffect(() => {
    setState(controller.getState());
    return controller.subscribe(setState);
  }, [controller]);
  return state;
}
