// Where a staged version writes, and how a user removes it once the version is retired. The command
// is printed for a human, never run: the store is deleted by hand when the user is ready.

/** `{store}/{datasetId}/v{version}.{ext}`, with any trailing "/" of the store removed. */
export function storePath(store: string, datasetId: string, version: string, ext: string): string {
  return `${store.replace(/\/+$/, '')}/${datasetId}/v${version}.${ext}`;
}

/** Single-quotes for POSIX shells: the only character to escape inside '' is ' itself. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The command that deletes the store at `path` (S3, GCS or a local/mounted path). */
export function storeRemovalCommand(path: string): string {
  if (path.startsWith('s3://')) return `aws s3 rm --recursive ${shellQuote(path)}`;
  if (path.startsWith('gs://')) return `gcloud storage rm --recursive ${shellQuote(path)}`;
  return `rm -rf ${shellQuote(path)}`;
}
