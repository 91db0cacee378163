// The worker of paper-validator.ts: checks the paper files it is sent, one message a file, until it is stopped.
import { parentPort, workerData } from 'node:worker_threads';
import { validateFileAt, validateOptionsOf, type ValidatorSetup } from './paper-validator.ts';

const setup = workerData as ValidatorSetup;
const options = validateOptionsOf(setup);
parentPort!.on('message', ({ id, filePath }: { id: number; filePath: string }) => {
  validateFileAt(filePath, setup, options).then(
    (found) => parentPort!.postMessage({ id, found }),
    // The calling thread checks the file again and reports what went wrong there.
    () => parentPort!.postMessage({ id }),
  );
});
