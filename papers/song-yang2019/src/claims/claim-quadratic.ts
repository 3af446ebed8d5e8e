import type { SongYang2019Claim } from './select.js';
import { mstarRows, widthExponent } from './select.js';

export const claimQuadratic: SongYang2019Claim = {
  id: 'song-yang2019.claim.quadratic',
  source: 'Secondary sources only (Song et al. 2021 Table 1; Hegde FODL notes; contra: Munteanu et al. 2022 "roughly n⁴"); hypotheses unknown, arXiv:1906.03593',
  statement: 'In some regime (hypotheses unknown to us) a width m = Õ(n²) suffices for GD to converge linearly, as the title says.',
  evidence: 'unverified',
  profiles: ['smoke', 'paper'],
  precision: 'float64',
  needs: ['perturb', 'mstar'],
  observational: 'not encodable: the hypotheses of the Õ(n²) regime are unknown (NOTES.md §3), so it is skipped by design with its empirical companions reported',
  seeds: 'every', // reads one trace: checked on each seed alone (harness)
  check(traces) {
    // Not encodable as a test [NOTES.md §3]: its hypotheses are unknown. Report the empirical companions and skip.
    const observed: Record<string, number> = {};
    const p = traces[0]?.perturb;
    if (p !== undefined)
      for (const g of p.geometries)
        g.radii.forEach((R, ri) => {
          const spec = Math.max(...(g.uSpec[ri] ?? []));
          observed[`uSpecOverR_${g.name}_R${R}`] = spec / R;
          observed[`uSpecOverFro_${g.name}_R${R}`] = spec / Math.max(...(g.uFro[ri] ?? []));
        });
    const rows = mstarRows(traces);
    for (const f of widthExponent(rows)) if (f.fit !== null) observed[`mStarExponent_d${f.d}`] = f.fit.slope;
    return {
      status: 'skip',
      observed,
      expected: 'not encodable: the regime of the Õ(n²) width is unknown (see emp.mstar for the measured exponent)',
      tolerance: { kind: 'rate', range: [0, 2] },
      note: 'skipped by design (not encodable, NOTES.md §3); the spectral-norm perturbation ‖U‖₂/R (our route to n²) and the measured m* exponent are reported',
    };
  },
};
