import type { ParticipantImportReport } from '../../participants/participant-wire';

interface Props {
  fileName: string;
  report: ParticipantImportReport;
}

/** "Line 7, locale: not one of the languages…" for each rejected row of a CSV file. */
function columnOf(pointer: string): string {
  if (pointer === '') return 'whole line';
  const [field, key] = pointer.slice(1).split('/');
  const names: Record<string, string> = { externalId: 'external_id', email: 'email', phone: 'phone', locale: 'locale', subscribed: 'subscribed' };
  return field === 'attributes' && key ? key.replace(/~1/g, '/').replace(/~0/g, '~') : (names[field] ?? field);
}

/** What an import did: counts, then each rejected row with its line and reason. Focused when it appears. */
export function ImportReport({ fileName, report }: Props) {
  const { created, updated, rejected } = report;
  return (
    <section class="import-report" aria-labelledby="import-report-heading">
      <h3 id="import-report-heading" tabIndex={-1}>
        Import of {fileName}
      </h3>
      <ul class="import-report__counts">
        <li>
          <strong>{created}</strong> created
        </li>
        <li>
          <strong>{updated}</strong> updated
        </li>
        <li class={rejected.length > 0 ? 'import-report__rejected-count' : undefined}>
          <strong>{rejected.length}</strong> rejected
        </li>
      </ul>
      {rejected.length > 0 && (
        <div class="participant-table__scroll" tabIndex={0} aria-labelledby="rejected-caption">
          <table class="participant-table">
            <caption id="rejected-caption">Rejected rows (nothing was saved for them)</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">External id</th>
                <th scope="col">Column</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {rejected.map((row, index) => (
                <tr key={`${row.row}-${index}`}>
                  <th scope="row">{row.row}</th>
                  <td>{row.externalId ?? '—'}</td>
                  <td>{columnOf(row.pointer)}</td>
                  <td>{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
