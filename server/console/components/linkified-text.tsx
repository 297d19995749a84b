import { linkify } from '../../../src/chat/linkify';
import { ExternalLink } from './external-link';

export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((segment, i) =>
        segment.kind === 'link' ? (
          <ExternalLink key={i} href={segment.href}>
            {segment.text}
          </ExternalLink>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
