import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { TranscriptProps } from './transcript';
import { afterFirstPaint } from '../../dom/after-first-paint';

let loaded: ComponentType<TranscriptProps> | undefined;
let loading: Promise<ComponentType<TranscriptProps>> | undefined;
const load = () => (loading ??= afterFirstPaint().then(() => import('./transcript')).then((module) => (loaded = module.Transcript)));

/**
 * The transcript renderer, fetched once the first paint is on screen, in parallel with the transcript itself, which
 * the conversation engine also starts fetching then: it costs the first paint nothing and the messages no wait.
 */
export function useTranscriptModule(): ComponentType<TranscriptProps> | undefined {
  const [component, setComponent] = useState(() => loaded);
  useEffect(() => {
    if (!component) void load().then((module) => setComponent(() => module));
  }, []);
  return component;
}
