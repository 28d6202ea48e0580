// A result directory that cannot be used as asked (an existing study without --resume, a
// resume or merge across different studies, missing or duplicated shards). Like a bad spec,
// it is reported before any work, with exit code 2.
export class ResultDirError extends Error {
  override readonly name = "ResultDirError";
}
