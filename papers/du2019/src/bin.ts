#!/usr/bin/env node
import { paperMain } from '@repro/harness';
import { paper } from './index.js';

await paperMain(paper, process.argv.slice(2));
