// The content worker (content-worker-client.ts): checks and renders the paper files it is sent, one task a message,
// until it is stopped. A task that throws is answered with nothing, and the main thread does it again, reporting
// what went wrong there as it always has.
import { parentPort, workerData } from 'node:worker_threads';
import type { ContentWorkerData, ContentWorkerTask } from './content-worker-client.ts';
import { validateFileAt, validateOptionsOf } from './paper-validator.ts';
import { workerRenderer } from './worker-render.ts';

const { validator, render } = workerData as ContentWorkerData;
const options = validateOptionsOf(validator);
const renderer = render && workerRenderer(render);

async function answer(task: ContentWorkerTask): Promise<unknown> {
  if (task.kind === 'validate') return validateFileAt(task.filePath, validator, options);
  const { data, body, filePath } = task.entry;
  return renderer ? (await renderer)({ id: '', data, body, ...(filePath ? { filePath } : {}) }) : undefined;
}

parentPort!.on('message', ({ id, task }: { id: number; task: ContentWorkerTask }) => {
  answer(task).then(
    (result) => parentPort!.postMessage({ id, answer: result }),
    () => parentPort!.postMessage({ id }),
  );
});
