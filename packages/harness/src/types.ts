/**
 * The paper contract [docs/architecture.md §The paper contract]. Claims are data: a typed record with a pure check over traces.
 * Compute (`run`) is separate from checking (`Claim.check`), which never computes models or draws random numbers.
 */
import type { z } from 'zod';
import type { Key } from '@repro/concentration';

/** Named profiles every paper defines. `custom` is what a profile becomes once any `--set` override is applied. */
export type ProfileName = 'smoke' | 'paper';
/** The profile a run is labelled with: `smoke`, `paper`, or `custom` once any `--set` override is applied. */
export type RunProfileName = ProfileName | 'custom';

/**
 * How a verdict was decided, recorded with it in claims.json (and used by `repro diff`): one variant per check helper.
 */
export type Tolerance =
  | { kind: 'allclose'; rtol: number; atol: number }
  /** measured ≤ bound (side 'le') or ≥ bound (side 'ge'); the report shows slack = bound / observed. */
  | { kind: 'bound'; side: 'le' | 'ge' }
  /** a fitted exponent/slope whose value (and CI where given) must lie inside range. */
  | { kind: 'rate'; range: readonly [number, number] }
  /**
   * binomial (Wilson) CI of the empirical frequency at level 1 − alpha: fail when it lies below `claimed`, pass when it
   * excludes the violation rate `detect` (lower end > 1 − detect), inconclusive otherwise.
   */
  | { kind: 'probability'; claimed: number; alpha: number; detect: number }
  /** an exact condition stated in `expected` (an ordering, a count, a sign): no numeric tolerance. */
  | { kind: 'condition' }
  /** a verdict made of named parts, each with its own tolerance (see `allOf`). */
  | { kind: 'allOf'; parts: Record<string, Tolerance> };

/**
 * `pass`: the data support the claim at the stated tolerance. `fail`: the data contradict it. `inconclusive`: the data
 * can tell neither (a rate's CI straddles an edge of its range, a frequency whose CI contains both the claimed level and the
 * violation rate the claim must detect). `skip`: not checked in this run (profile, `--only`).
 */
export type VerdictStatus = 'pass' | 'fail' | 'inconclusive' | 'skip';
/** Every `VerdictStatus`, from best to worst as the reports order them. */
export const VERDICT_STATUSES: readonly VerdictStatus[] = ['pass', 'fail', 'inconclusive', 'skip'];

/**
 * The outcome of `Claim.check`: status, the measured numbers, the expectation in words, the tolerance used and an optional note.
 */
export interface Verdict {
  status: VerdictStatus;
  /** Named measured numbers (finite or not; non-finite are serialized as strings "NaN", "Infinity", "-Infinity"). */
  observed: Record<string, number>;
  /** Human-readable expectation, e.g. "max_k L(k)/((1-eta*lambda0/2)^k L(0)) <= 1". */
  expected: string;
  tolerance: Tolerance;
  note?: string;
}

/**
 * How directly the statement comes from the paper: `paper` — stated there with its constants; `cited` — stated in the
 * paper with constants or steps taken from a cited result; `inferred` — our consequence of the paper's statements;
 * `unverified` — stated in the paper but its proof (or a step of it) could not be checked by us.
 */
export type Evidence = 'paper' | 'cited' | 'inferred' | 'unverified';
/** Every `Evidence` level, from the most direct (`paper`) to the least (`unverified`). */
export const EVIDENCE_LEVELS: readonly Evidence[] = ['paper', 'cited', 'inferred', 'unverified'];

/** A planted fault: a plausible bug a paper can switch on with `--fault <name>` to show which claims would notice it. */
export interface FaultSpec {
  /** What the bug is, in one line ("H∞'s diagonal ½ replaced by 0.45 (a constant off by 10 %)"). */
  readonly description: string;
  /** Where it is planted: `model` (the paper's own code) or `core` (an effect of the core math the paper uses). */
  readonly layer: 'model' | 'core';
}

/**
 * A checked statement of a paper: id, source, paraphrase, evidence, where it runs, what it needs, what it catches, and a pure `check` over the traces. One file per claim under `src/claims/`.
 */
export interface Claim<C, T, E extends string = string> {
  /** Stable id named after the paper's numbering, e.g. 'du2019.thm4.1'. */
  readonly id: string;
  /** Where the statement comes from, e.g. 'Theorem 4.1, arXiv:1810.02054'. */
  readonly source: string;
  /** One-sentence paraphrase (never pasted paper text). */
  readonly statement: string;
  readonly evidence: Evidence;
  /** Profiles under which the claim is checked; under any other profile it is reported as `skip`. */
  readonly profiles: readonly ProfileName[];
  readonly precision: 'float32' | 'float64';
  /** Names of the experiments (parts of `run`) whose output the check reads; used by `--only` to skip unneeded work. */
  readonly needs: readonly E[];
  /**
   * Names of the paper's planted faults (`PaperDefinition.faults`) this claim must not pass under: `pnpm check:power`
   * runs the smoke profile with each fault and requires every claim that declares it to end `fail` or `inconclusive`.
   * A verdict claim declares at least one; a claim that no plausible bug can fail sets `observational` instead.
   */
  readonly catches?: readonly string[];
  /**
   * Set (to the reason) on a claim that is reported but is not a verdict: no planted fault can make it fail (a bound loose
   * by nature, a property true by construction). Its status is still computed and shown, labelled observational.
   */
  readonly observational?: string;
  /**
   * How `check` sees the harness seeds (`--seeds K`): 'all' (default) — one call with every trace, the claim aggregates
   * over seeds itself; 'every' — one call per trace, and the claim holds only if it holds for every seed: the reported
   * verdict is the first failing seed's (else seed 0's), with `seedsChecked`/`seedsPassed` added when K > 1 and the
   * failing seeds named in the note. For claims written against a single trace.
   */
  readonly seeds?: 'all' | 'every';
  /** Pure: reads traces (one per harness seed) and the config; never computes models or draws random numbers. */
  check(traces: readonly T[], cfg: C): Verdict;
}

/** One named scalar in values.json. */
export interface ValueEntry {
  value: number;
  sd?: number;
  unit?: string;
  /** The paper's (or theory's) figure, when there is one to compare with. */
  paper?: number | string;
  /** The theoretical bound the value is compared against, and slack = bound / value. */
  bound?: number;
  slack?: number;
  note?: string;
}
/** values.json: named scalars (`ValueEntry`), ours next to the paper's figure or the bound. */
export type Values = Record<string, ValueEntry>;

/** A row of figure data: flat, JSON-serializable. */
export type FigureRow = Record<string, number | string | boolean | null>;

/** A Vega-Lite spec (kept structurally loose on purpose: vega-lite's own types are checked at compile time by the renderer). */
export type VegaLiteSpec = Record<string, unknown>;

/**
 * A figure of a paper: rows computed from the traces and a Vega-Lite spec drawing them (rendered to SVG by the harness).
 */
export interface Figure<C, T, E extends string = string> {
  /** Stable id, e.g. 'du2019.fig1a'; used as the file name under figures/. */
  readonly id: string;
  readonly title: string;
  /** What the panel shows and how it was made (seeds, bands, reference lines). */
  readonly caption: string;
  readonly profiles: readonly ProfileName[];
  readonly needs: readonly E[];
  /** Ids of the claims this figure supports (shown under it in the report). */
  readonly claims?: readonly string[];
  /** The figure's rows, computed from the traces and the config (pure, like `Claim.check`). */
  data(traces: readonly T[], cfg: C): FigureRow[];
  /** The Vega-Lite spec drawing the rows (`fullSpec` adds the harness look and inlines the rows). */
  spec(rows: readonly FigureRow[]): VegaLiteSpec;
}

/**
 * Bibliographic data of a paper: id (the package's short name), title, authors, venue, year, arXiv id or URL, BibTeX.
 */
export interface PaperMeta {
  id: string;
  title: string;
  authors: readonly string[];
  venue: string;
  year: number;
  arxiv?: string;
  url?: string;
  bibtex: string;
}

/** Progress reporting for long runs (TTY only; silent in CI / non-TTY). */
export interface Progress {
  /** Start a phase with a total amount of work in arbitrary units (e.g. flops or steps) for the ETA. */
  phase(name: string, totalUnits: number): void;
  /** Record `units` of work done in the current phase, with an optional detail ("m=1600 seed 2 epoch 40/100"). */
  tick(units: number, detail?: string): void;
  /** Free-form one-line message (shown on TTY, logged in the manifest's phase list). */
  log(message: string): void;
}

/**
 * The compute backend a run used (as reported by the paper through `RunContext.reportBackend`), recorded in the manifest.
 */
export interface BackendInfo {
  /** 'wasm' | 'cpu' | 'tensorflow' | 'float64-js' */
  name: string;
  /** What was asked for ('auto', 'wasm', ...). */
  requested: string;
  tfjsVersion?: string;
  detail?: string;
}

/**
 * What the harness hands to `run` besides the config and key: progress, the selected experiments, the seed index, the planted fault, the backend request, and phase timing.
 */
export interface RunContext {
  progress: Progress;
  /** Experiments to run (the union of the selected claims' and figures' `needs`). */
  experiments: ReadonlySet<string>;
  /** Index of the harness seed (0..seeds-1) this trace is for. */
  seedIndex: number;
  /** The planted fault switched on for this run (`--fault`), or null; see `fault()`. */
  fault: string | null;
  /** Backend requested on the command line ('auto' unless forced); the paper passes it to @repro/nets. */
  backend: string;
  /** Called by the paper with the backend actually used, recorded in the manifest. */
  reportBackend(info: BackendInfo): void;
  /** Wall-time breakdown: the harness records durations per named phase for the manifest/report. */
  time<R>(phase: string, fn: () => Promise<R>): Promise<R>;
}

/**
 * What a paper package writes and passes to `definePaper`: meta, config schema and profiles, `run`, values, claims, figures, faults and deviations.
 */
export interface PaperDefinition<S extends z.ZodObject, T, E extends string = string> {
  meta: PaperMeta;
  /** zod object schema: every field `.describe()`d with units. */
  config: S;
  /** Complete configs per profile (validated against `config`). */
  profiles: Record<ProfileName, z.infer<S>>;
  /** The only place that computes: one JSON-serializable trace per harness seed. */
  run(cfg: z.infer<S>, key: Key, ctx: RunContext): Promise<T>;
  /** Named scalars for values.json (measured vs paper/bound and slack). */
  values(traces: readonly T[], cfg: z.infer<S>): Values;
  claims: readonly Claim<z.infer<S>, T, E>[];
  figures: readonly Figure<z.infer<S>, T, E>[];
  /** Planted faults by name (`--fault <name>`; refused under the paper profile). Names: lower-case words joined by '-'. */
  faults?: Readonly<Record<string, FaultSpec>>;
  /** Deviations from the paper, one line each (also in the paper's README). */
  deviations: readonly string[];
  /** Optional pre-run estimate of peak memory in bytes for a config (the memory guard refuses above the budget). */
  estimateMemory?(cfg: z.infer<S>): number;
}
