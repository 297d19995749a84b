import { useEffect, useRef, useState } from 'preact/hooks';
import type { AgentParticipant, ParticipantImportReport } from '../../participants/participant-wire';
import type { AgentClient } from '../api/agent-client';
import { describeError, isAbort } from '../api/api-error';
import { CsvUpload } from './csv-upload';
import { describeImportError } from './import-error';
import { ImportReport } from './import-report';
import { ParticipantTable } from './participant-table';

interface Props {
  client: AgentClient;
  appId: string;
}

interface Listing {
  participants: AgentParticipant[];
  next: string | null;
}

const SEARCH_DELAY_MS = 250;

/** An app's participants: a CSV import with its report, and the searchable list. */
export function ParticipantsSection({ client, appId }: Props) {
  const [query, setQuery] = useState('');
  const [listing, setListing] = useState<Listing | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<{ fileName: string; report: ParticipantImportReport } | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const area = useRef<HTMLElement>(null);

  // The first page for the current search: typing waits a moment, and an answer for an older search is dropped.
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoadError(null);
      client.listParticipants(appId, { q: query.trim() }, controller.signal).then(
        (answer) => setListing(answer),
        (error) => {
          if (!isAbort(error)) setLoadError(describeError(error));
        },
      );
    }, version === 0 && query === '' ? 0 : SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [client, appId, query, version]);

  useEffect(() => {
    if (imported) area.current?.querySelector<HTMLElement>('#import-report-heading')?.focus();
  }, [imported]);

  const loadMore = async () => {
    if (!listing?.next) return;
    try {
      const answer = await client.listParticipants(appId, { q: query.trim(), after: listing.next });
      setListing({ participants: [...listing.participants, ...answer.participants], next: answer.next });
    } catch (error) {
      setLoadError(describeError(error));
    }
  };

  const importFile = async (file: File) => {
    setImporting(true);
    setImportError(null);
    setImported(null);
    try {
      const report = await client.importParticipantsCsv(appId, file);
      setImported({ fileName: file.name, report });
      setAnnouncement(`Import finished: ${report.created} created, ${report.updated} updated, ${report.rejected.length} rejected.`);
      setVersion((n) => n + 1);
    } catch (error) {
      setImportError(`${file.name} was not imported. ${describeImportError(error)}`);
    } finally {
      setImporting(false);
    }
  };

  return (
    <main id="main" class="participants" ref={area}>
      <section class="participants__panel" aria-labelledby="participants-heading">
        <h2 id="participants-heading" tabIndex={-1}>
          Participants
        </h2>
        <p class="hint">The people you can invite to chat: import them from a CSV file, then find them here.</p>
        <CsvUpload busy={importing} onFile={(file) => void importFile(file)} />
        {importError && (
          <p class="notice notice--error" role="alert">
            {importError}
          </p>
        )}
        {imported && <ImportReport fileName={imported.fileName} report={imported.report} />}
      </section>
      <section class="participants__panel" aria-labelledby="participants-list-heading">
        <div class="participants__head">
          <h3 id="participants-list-heading">Everyone imported</h3>
          <form role="search" class="participants__search" onSubmit={(event) => event.preventDefault()}>
            <label for="participants-search">Search by id, email or phone</label>
            <input id="participants-search" type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
          </form>
        </div>
        {loadError && (
          <div class="notice notice--error" role="alert">
            <p>Participants could not be loaded. {loadError}</p>
            <button type="button" class="button" onClick={() => setVersion((n) => n + 1)}>
              Try again
            </button>
          </div>
        )}
        {!listing && !loadError && <p>Loading participants…</p>}
        {listing && listing.participants.length === 0 && (
          <p>{query.trim() ? 'Nobody matches this search.' : 'No participants yet. Import a CSV file to add them.'}</p>
        )}
        {listing && listing.participants.length > 0 && <ParticipantTable participants={listing.participants} />}
        {listing?.next && (
          <button type="button" class="button participants__more" onClick={() => void loadMore()}>
            Show more participants
          </button>
        )}
      </section>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </main>
  );
}
