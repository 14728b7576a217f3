import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, type RoleBlueprintLanguageService } from '../core';
import { byStart } from '../core/diagnosticUtil';
import { buildLadder, ladderDiagnostics, ladderView, type LadderFile } from '../core/family/ladder';
import { createStaticTextDocument } from '../core/staticTextDocument';
import type { ITextDocument } from '../core/types';
import { documentChecked } from '../lsp/codeCache';
import { pathToUri } from '../lsp/fileSystem';
import { readAhead } from './files';

/**
 * `check` of many files on a machine with cores to spare: the per-file work (parse, schema,
 * lint) shared with worker threads, the career ladder (a property of all files together) on
 * the main thread, results in file order, so the output is the same whichever thread checked
 * a file. Otherwise, and for a handful of files, everything runs on the main thread.
 */

export interface FileResult {
  readonly path: string;
  readonly diagnostics: Diagnostic[];
}

export interface CheckOptions {
  /**
   * Threads at most, the main thread included (default: one per available core from
   * MIN_CORES_FOR_WORKERS on, else 1). Fewer are used for fewer files: each worker needs
   * MIN_FILES_PER_WORKER files to pay for its start.
   */
  readonly threads?: number;
  /** Files per worker thread before one is started (tests lower it). */
  readonly minFilesPerWorker?: number;
}

// A worker's start (loading the bundle, compiling the schema, warming up the JIT) and its
// parsing again, for its own checks, the sections the main thread parses for the ladder cost
// about as much as checking a few hundred files on one thread.
const MIN_FILES_PER_WORKER = 250;
// The ladder needs every file parsed on one thread, so a worker's files are parsed twice, and
// each worker warms up its own JIT and heap. On two cores that costs what the worker saves
// (1,000 bench files: 2.6-2.8 s wall either way, +30% CPU, worse on a busy machine); from three
// cores on, the workers share the checks while the main thread parses and builds the ladder.
const MIN_CORES_FOR_WORKERS = 3;
// Files per turn at the queue: small enough to balance threads on a busy machine, large
// enough that a worker's messages cost nothing next to the checking.
const BATCH_SIZE = 8;
// Files being read while earlier ones are checked.
const READ_AHEAD = 16;
const WORKER_KIND = 'role-blueprint-check';

interface FileJob {
  readonly index: number;
  readonly uri: string;
  readonly text: string;
}

/** What a worker sends back per file: what the output formats read of a diagnostic. */
type JobResult = { readonly index: number; readonly diagnostics: Diagnostic[] } | { readonly index: number; readonly error: string };

/** Checks `files` (absolute, in output order): each file's diagnostics, ladder findings included. */
export async function checkFiles(files: readonly string[], cwd: string, options: CheckOptions = {}): Promise<FileResult[]> {
  const cores = os.availableParallelism();
  const threads = Math.min(options.threads ?? (cores >= MIN_CORES_FOR_WORKERS ? cores : 1), 1 + Math.floor(files.length / (options.minFilesPerWorker ?? MIN_FILES_PER_WORKER)));
  const workers = Math.max(0, threads - 1);
  const service = createLanguageService({ shareChunks: true });
  const diagnostics = workers > 0 ? await diagnoseInParallel(files, service, workers) : await diagnoseInProcess(files, service);
  return files.map((file, index) => ({ path: path.relative(cwd, file) || file, diagnostics: diagnostics[index] }));
}

/** One thread: each file read (ahead), checked and added to the ladder in turn. */
async function diagnoseInProcess(files: readonly string[], service: RoleBlueprintLanguageService): Promise<Diagnostic[][]> {
  const found: Diagnostic[][] = [];
  const ladderFiles: LadderFile[] = [];
  const texts = readAhead(files, READ_AHEAD);
  for (const file of files) {
    const doc = createStaticTextDocument(pathToUri(file), 1, await texts.next());
    found.push(service.computeDiagnostics(doc));
    documentChecked();
    keepForLadder(service, doc, ladderFiles);
  }
  addLadderFindings(found, ladderFindings(files, ladderFiles, service));
  return found;
}

/**
 * Adds `doc` to the ladder's files, kept until every file is read: only what the ladder reads,
 * not the file's whole parse, which the parser then forgets.
 */
function keepForLadder(service: RoleBlueprintLanguageService, doc: ITextDocument, ladderFiles: LadderFile[]): void {
  const parsed = service.parse(doc);
  if (parsed) ladderFiles.push({ uri: doc.uri, parsed: ladderView(parsed), doc });
  service.forget(doc.uri);
}

/** The career ladder is a property of the files together: one file alone has no ladder. */
function ladderFindings(files: readonly string[], ladderFiles: readonly LadderFile[], service: RoleBlueprintLanguageService): Diagnostic[][] | undefined {
  if (files.length <= 1 || !service.settings.validate) return undefined;
  const ladder = buildLadder(ladderFiles);
  return files.map((file) => ladderDiagnostics(ladder, pathToUri(file), service.settings));
}

/** Each file's ladder findings among its own diagnostics, by position. */
function addLadderFindings(found: Diagnostic[][], ladder: readonly Diagnostic[][] | undefined): void {
  ladder?.forEach((ladderFound, index) => {
    if (ladderFound.length === 0) return;
    found[index].push(...ladderFound);
    found[index].sort(byStart);
  });
}

/**
 * Every thread takes batches of files from one queue: the next index is a shared counter, so
 * a thread never waits for another to hand it work. The main thread first parses every file
 * and finds the ladder's findings, then takes batches too; the workers' results are collected
 * at the end. It keeps of each file only what the ladder reads, as one thread does: the files
 * it then checks itself are parsed again, their repeated sections from the batch's cache.
 */
async function diagnoseInParallel(files: readonly string[], service: RoleBlueprintLanguageService, workerCount: number): Promise<Diagnostic[][]> {
  // Started first: a worker loads while the files are read.
  const workers = Array.from({ length: workerCount }, startWorker);
  try {
    // Read in order: an unreadable file fails the command as it always did.
    const texts = readAhead(files, READ_AHEAD);
    const jobs: FileJob[] = [];
    for (const [index, file] of files.entries()) jobs.push({ index, uri: pathToUri(file), text: await texts.next() });
    const queue = new Int32Array(new SharedArrayBuffer(4));
    const found: Diagnostic[][] = new Array(files.length);
    const failures: { index: number; error: string }[] = [];
    const record = (results: readonly JobResult[]) => {
      for (const result of results) {
        if ('error' in result) failures.push(result);
        else found[result.index] = result.diagnostics;
      }
    };
    const workersDone = Promise.all(workers.map((worker) => runWorker(worker, { jobs, queue }, record)));
    workersDone.catch(() => undefined); // awaited below; a failure must not surface as unhandled meanwhile

    const docs = jobs.map((job) => createStaticTextDocument(job.uri, 1, job.text));
    const ladderFiles: LadderFile[] = [];
    for (const doc of docs) keepForLadder(service, doc, ladderFiles);
    // Before taking batches: what is left at the end is only the queue, shared by every thread.
    const ladder = ladderFindings(files, ladderFiles, service);
    for (let batch = takeBatch(queue, jobs.length); batch; batch = takeBatch(queue, jobs.length)) {
      for (let index = batch.start; index < batch.end; index++) record([diagnoseJob(service, index, docs[index])]);
    }
    await workersDone;

    // The error a single thread would have met first.
    if (failures.length > 0) throw new Error(failures.sort((a, b) => a.index - b.index)[0].error);
    addLadderFindings(found, ladder);
    return found;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** The next batch of file indexes from the shared queue, or undefined when it is empty. */
function takeBatch(queue: Int32Array, total: number): { start: number; end: number } | undefined {
  const start = Atomics.add(queue, 0, BATCH_SIZE);
  return start < total ? { start, end: Math.min(total, start + BATCH_SIZE) } : undefined;
}

interface WorkOrder {
  readonly jobs: readonly FileJob[];
  readonly queue: Int32Array;
}

/** What a worker posts: the results of a batch, or that the queue is empty. */
type WorkerMessage = { readonly results: JobResult[] } | { readonly done: true };

/** Gives `worker` the files; resolves when it has found the queue empty. */
function runWorker(worker: Worker, order: WorkOrder, record: (results: readonly JobResult[]) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if ('done' in message) resolve();
      else record(message.results);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`a check worker stopped (exit code ${code})`)));
    if (stopped.has(worker)) reject(new Error('a check worker stopped while loading'));
    else worker.postMessage(order);
  });
}

// Workers that failed or exited before they were given work (their errors are reported then).
const stopped = new WeakSet<Worker>();

function startWorker(): Worker {
  // Run from the sources (tests under tsx), the worker needs the TypeScript loader too.
  const execArgv = __filename.endsWith('.ts') ? ['--require', 'tsx/cjs'] : undefined;
  const worker = new Worker(__filename, { workerData: WORKER_KIND, execArgv });
  worker.on('error', () => stopped.add(worker));
  worker.on('exit', () => stopped.add(worker));
  return worker;
}

function diagnoseJob(service: RoleBlueprintLanguageService, index: number, doc: ITextDocument): JobResult {
  try {
    const diagnostics = service.computeDiagnostics(doc).map(forOutput);
    // Only a thread that ran the rules has them in its code (a worker's call does nothing).
    documentChecked();
    return { index, diagnostics };
  } catch (error) {
    return { index, error: (error as Error).message };
  }
}

/** The fields the output formats print; quick-fix data stays behind (it would only be copied between threads). */
function forOutput(d: Diagnostic): Diagnostic {
  return { range: d.range, severity: d.severity, code: d.code, message: d.message };
}

/** A worker: checks batches from the queue with one language service, so chunk results are shared. */
function serveChecks(): void {
  const port = parentPort;
  port?.once('message', ({ jobs, queue }: WorkOrder) => {
    const service = createLanguageService({ shareChunks: true });
    for (let batch = takeBatch(queue, jobs.length); batch; batch = takeBatch(queue, jobs.length)) {
      const results: JobResult[] = [];
      for (const job of jobs.slice(batch.start, batch.end)) {
        results.push(diagnoseJob(service, job.index, createStaticTextDocument(job.uri, 1, job.text)));
        service.forget(job.uri);
      }
      port.postMessage({ results } satisfies WorkerMessage);
    }
    port.postMessage({ done: true } satisfies WorkerMessage);
  });
}

if (!isMainThread && workerData === WORKER_KIND) serveChecks();
