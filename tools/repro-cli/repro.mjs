#!/usr/bin/env node
// `pnpm repro …` resolves to this bin (the root package has no `repro` script, so pnpm prints no `> script` header on
// stdout and `pnpm repro … --json | jq .` reads exactly one JSON document). The command itself is scripts/repro.mjs.
await import('../../scripts/repro.mjs');
