import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { TranscriptProps } from './transcript';

// Fetched as soon as this module runs, while the page boots: in parallel with the language and the config.
let loaded: ComponentType<TranscriptProps> | undefined;
const loading = import('./transcript').then((module) => (loaded = module.Transcript));

/** The transcript renderer once its chunk is here (at once, after the first time). */
export function useTranscriptModule(): ComponentType<TranscriptProps> | undefined {
  const [component, setComponent] = useState(() => loaded);
  useEffect(() => {
    if (!component) void loading.then((module) => setComponent(() => module));
  }, []);
  return component;
}
