// A worker thread starts without the TypeScript loader the main thread registered
// (bin/marsad.js): register it here, then run the worker.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
