import { useState } from 'preact/hooks';

interface Props {
  busy: boolean;
  onFile(file: File): void;
}

const isCsv = (file: File) => /\.csv$/i.test(file.name) || file.type === 'text/csv';

/** A CSV file, chosen with the file input (keyboard, screen readers) or dropped on the zone around it. */
export function CsvUpload({ busy, onFile }: Props) {
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const take = (file: File | undefined) => {
    if (!file) return;
    if (!isCsv(file)) {
      setProblem(`${file.name} is not a CSV file.`);
      return;
    }
    setProblem(null);
    onFile(file);
  };
  return (
    <div
      class={`csv-upload${over ? ' csv-upload--over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        if (!busy) take(event.dataTransfer?.files[0]);
      }}
    >
      <label for="participants-csv" class="csv-upload__label">
        Import a CSV file
      </label>
      <input
        id="participants-csv"
        type="file"
        accept=".csv,text/csv"
        disabled={busy}
        aria-describedby="participants-csv-hint"
        onChange={(event) => {
          const input = event.currentTarget;
          take(input.files?.[0]);
          input.value = '';
        }}
      />
      <p id="participants-csv-hint" class="hint">
        Or drop the file here. The first line names the columns: external_id (required), email, phone, locale,
        subscribed; every other column is an attribute. Rows are matched by external_id: existing participants are
        updated, empty cells are left as they are. At most 5000 rows.
      </p>
      {busy && <p>Importing…</p>}
      {problem && (
        <p class="notice notice--error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
