#!/usr/bin/env node
// The sources are TypeScript run as they are: tsx compiles each module on import, so the
// checkout works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
