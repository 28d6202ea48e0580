// A command stopped before its end, by a signal (Ctrl-C, scancel, kill) or by the system
// (a full disk, a folder that cannot be written): one line on stderr saying what happened and
// how to continue, never a stack trace, and the conventional exit code.

/** What the running command says about continuing (set by run: "--resume continues it"). */
let continuing: (() => string) | undefined;

/** Run first when a signal stops the command (a live progress bar gives the terminal its cursor back). */
let beforeExit: ((signal: string) => void) | undefined;

export function setContinueHint(hint: (() => string) | undefined): void {
  continuing = hint;
}

export function setBeforeExit(hook: ((signal: string) => void) | undefined): void {
  beforeExit = hook;
}

function withHint(line: string): string {
  const hint = continuing?.();
  return hint ? `${line}; ${hint}\n` : `${line}\n`;
}

/** 128 + the signal's number, as shells report a process a signal ended. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * On SIGINT and SIGTERM: the hook set (stop a progress bar), the line and the hint, then exit.
 * Rows are appended a whole task at a time, so what is on disk is usable by --resume.
 */
export function exitOnSignals(): void {
  for (const signal of Object.keys(SIGNAL_EXIT)) {
    process.once(signal, () => {
      beforeExit?.(signal);
      process.stderr.write(withHint(`\ninterrupted by ${signal}`));
      process.exit(SIGNAL_EXIT[signal]);
    });
  }
}

/** What the system's error codes mean to a user, for the ones a run meets writing its files. */
const REASONS: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exceeded",
  EFBIG: "the file is too large for the file system",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EIO: "an input/output error",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  ENOENT: "no such file or directory",
  ENOTDIR: "a part of the path is not a directory",
  EISDIR: "it is a directory",
};

/** The one line for a system error (undefined for anything else), with the command's hint. */
export function systemErrorLine(error: unknown, target?: string): string | undefined {
  const { code, path, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== "string" || !Object.hasOwn(REASONS, code)) return undefined;
  const where = target ?? path;
  const verb = syscall === "write" || syscall === "rename" || syscall === "mkdir" ? "write" : syscall === "open" || syscall === "read" ? syscall : "use";
  return withHint(`cannot ${verb}${where ? ` ${where}` : ""}: ${REASONS[code]} (${code})`);
}
