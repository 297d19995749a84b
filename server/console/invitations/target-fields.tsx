import type { LocaleCode } from '../../../src/api/wire';
import type { AttributeCondition } from '../../invitations/invitation-wire';
import { FieldFrame } from '../components/field-frame';
import { languageName } from '../text/language-names';
import type { InvitationFieldErrors, InvitationFormValues, SampleKind, TargetKind } from './invitation-form-values';
import { OP_LABELS } from './invitation-labels';

interface Props {
  values: InvitationFormValues;
  locale: LocaleCode;
  errors: InvitationFieldErrors;
  update(patch: Partial<InvitationFormValues>): void;
}

const KINDS: [TargetKind, string][] = [
  ['all', 'All subscribed participants'],
  ['filter', 'Participants matching conditions'],
  ['ids', 'Specific participants (external ids)'],
];
const SAMPLES: [SampleKind, string][] = [
  ['none', 'Everyone'],
  ['count', 'A random number'],
  ['percent', 'A random percentage'],
];

/** Who receives the invitation: the kind of target, its conditions or ids, a random sample, the language switch. */
export function TargetFields({ values, locale, errors, update }: Props) {
  const setCondition = (index: number, patch: Partial<InvitationFormValues['conditions'][number]>) =>
    update({ conditions: values.conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)) });

  return (
    <fieldset class="invitation-editor__group">
      <legend>Who receives it</legend>
      <div class="choice-list" role="radiogroup" aria-label="Target">
        {KINDS.map(([kind, label]) => (
          <label key={kind} class="choice">
            <input type="radio" name="inv-target" value={kind} checked={values.targetKind === kind} onChange={() => update({ targetKind: kind })} />
            {label}
          </label>
        ))}
      </div>
      {values.targetKind === 'filter' && (
        <div class="invitation-editor__conditions">
          {values.conditions.map((condition, index) => (
            <div class="condition-row" key={index}>
              <FieldFrame id={`inv-conditions-${index}-key`} label={`Attribute ${index + 1}`} error={errors[`conditions.${index}.key`]}>
                {(a11y) => <input {...a11y} type="text" value={condition.key} autocomplete="off" onInput={(e) => setCondition(index, { key: e.currentTarget.value })} />}
              </FieldFrame>
              <FieldFrame id={`inv-conditions-${index}-op`} label="Comparison">
                {(a11y) => (
                  <select {...a11y} value={condition.op} onChange={(e) => setCondition(index, { op: e.currentTarget.value as AttributeCondition['op'] })}>
                    {Object.entries(OP_LABELS).map(([op, label]) => (
                      <option key={op} value={op}>
                        {label}
                      </option>
                    ))}
                  </select>
                )}
              </FieldFrame>
              {condition.op !== 'exists' && (
                <FieldFrame id={`inv-conditions-${index}-value`} label="Value" error={errors[`conditions.${index}.value`]}>
                  {(a11y) => <input {...a11y} type="text" value={condition.value} onInput={(e) => setCondition(index, { value: e.currentTarget.value })} />}
                </FieldFrame>
              )}
              <button type="button" class="button condition-row__remove" onClick={() => update({ conditions: values.conditions.filter((_, i) => i !== index) })}>
                Remove<span class="visually-hidden"> condition {index + 1}</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            id="inv-conditions"
            class="button"
            aria-describedby={errors.conditions ? 'inv-conditions-error' : undefined}
            onClick={() => update({ conditions: [...values.conditions, { key: '', op: 'equals', value: '' }] })}
          >
            Add a condition on an attribute
          </button>
          {errors.conditions && (
            <p id="inv-conditions-error" class="field-error">
              {errors.conditions}
            </p>
          )}
          <FieldFrame id="inv-notChattedInDays" label="Has not chatted in the last … days (optional)" error={errors.notChattedInDays}>
            {(a11y) => (
              <input {...a11y} type="number" inputMode="numeric" min={1} step={1} value={values.notChattedInDays} onInput={(e) => update({ notChattedInDays: e.currentTarget.value })} />
            )}
          </FieldFrame>
        </div>
      )}
      {values.targetKind === 'ids' && (
        <FieldFrame id="inv-externalIds" label="External ids" hint="One per line, or separated by commas." error={errors.externalIds}>
          {(a11y) => <textarea {...a11y} rows={4} value={values.externalIds} spellcheck={false} onInput={(e) => update({ externalIds: e.currentTarget.value })} />}
        </FieldFrame>
      )}
      <div class="invitation-editor__row">
        <FieldFrame id="inv-sampleKind" label="Sample">
          {(a11y) => (
            <select {...a11y} value={values.sampleKind} onChange={(e) => update({ sampleKind: e.currentTarget.value as SampleKind })}>
              {SAMPLES.map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        {values.sampleKind !== 'none' && (
          <FieldFrame
            id="inv-sampleSize"
            label={values.sampleKind === 'count' ? 'How many people' : 'Percentage'}
            hint={
              values.seed
                ? `Seed ${values.seed}: the same definition picks the same people again.`
                : 'Picked with a seed the server makes and keeps, so the same definition picks the same people again.'
            }
            error={errors.sampleSize}
          >
            {(a11y) => <input {...a11y} type="number" inputMode="decimal" min={0} value={values.sampleSize} onInput={(e) => update({ sampleSize: e.currentTarget.value })} />}
          </FieldFrame>
        )}
      </div>
      <label class="choice">
        <input type="checkbox" checked={values.localeMatchOnly} onChange={(e) => update({ localeMatchOnly: e.currentTarget.checked })} />
        Only participants whose preferred language is {languageName(locale)}
      </label>
      <p class="hint">Unsubscribed participants and those without an address for the channel are skipped, and listed with the reason.</p>
    </fieldset>
  );
}
