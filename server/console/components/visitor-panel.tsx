import type { AgentAttributeValue, AgentVisitorDetail } from '../../agent-wire';
import { formatFullTime } from '../text/format-time';
import { languageName } from '../text/language-names';
import { DefinitionList, type Definition } from './definition-list';

const CLAIM_LABELS = [
  ['name', 'Name'],
  ['nickname', 'Nickname'],
  ['email', 'Email'],
  ['phone', 'Phone'],
] as const;

const attributeText = (value: AgentAttributeValue): string => (Array.isArray(value) ? value.join(', ') : String(value));

export function VisitorPanel({ visitor }: { visitor: AgentVisitorDetail }) {
  const claims: Definition[] = CLAIM_LABELS.flatMap(([key, label]) => {
    const value = visitor.claims?.[key];
    return value ? [[label, value] as Definition] : [];
  });
  const vars: Definition[] = Object.entries(visitor.vars ?? {});
  const context = visitor.userContext;
  const attributes: Definition[] = Object.entries(context?.attributes ?? {}).map(([key, value]) => [key, attributeText(value)]);
  const about: Definition[] = [
    ['Language', `${languageName(visitor.locale)} (${visitor.locale})`],
    ['Visitor ID', visitor.id],
    ['First seen', formatFullTime(visitor.createdAt)],
  ];

  return (
    <section class="visitor-panel" aria-labelledby="visitor-heading">
      <h3 id="visitor-heading">Visitor</h3>
      {visitor.verified ? (
        <>
          <p class="badge badge--verified">Verified customer</p>
          <DefinitionList items={[['Customer ID', visitor.customerId ?? '']]} empty="" />
        </>
      ) : (
        <p class="badge badge--unverified">Not verified</p>
      )}
      {context && (
        <>
          <h4>From your business's system</h4>
          <p class="badge badge--system">Supplied by your system</p>
          <p class="hint">
            Sent with a personal link for user <bdi>{context.userId}</bdi>, as of {formatFullTime(context.updatedAt)}.
          </p>
          <DefinitionList items={attributes} empty="No attributes." />
        </>
      )}
      <h4>{visitor.verified ? 'Claimed details (unverified)' : 'Unverified claims'}</h4>
      <p class="hint">Given in the link without a signature: do not rely on them to identify the customer.</p>
      <DefinitionList items={claims} empty="None given." />
      <h4>Input variables</h4>
      <DefinitionList items={vars} empty="None." />
      <h4>About</h4>
      <DefinitionList items={about} empty="" />
    </section>
  );
}
