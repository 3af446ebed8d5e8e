#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { paperMain } from '@repro/harness';
import { paper } from './index.js';

// The package root (dist/.. or src/..): results go to <root>/results/<profile>.
await paperMain(paper, process.argv.slice(2), fileURLToPath(new URL('..', import.meta.url)));
