import type { PaperMeta } from '@repro/harness';

/** Nguyen & Mondelli (NeurIPS 2020), checked together with its companion Nguyen, Mondelli & Montúfar (ICML 2021). */
export const meta: PaperMeta = {
  id: 'nguyen-mondelli2020',
  title: 'Global Convergence of Deep Networks with One Wide Layer Followed by Pyramidal Topology (with: Tight Bounds on the Smallest Eigenvalue of the Neural Tangent Kernel for Deep ReLU Networks)',
  authors: ['Quynh Nguyen', 'Marco Mondelli', 'Guido Montúfar'],
  venue: 'NeurIPS 2020 (NM20) · ICML 2021 (NMM21)',
  year: 2020,
  arxiv: '2002.07867',
  url: 'https://arxiv.org/abs/2002.07867',
  bibtex: `@inproceedings{nguyen2020global,
  title     = {Global Convergence of Deep Networks with One Wide Layer Followed by Pyramidal Topology},
  author    = {Nguyen, Quynh and Mondelli, Marco},
  booktitle = {Advances in Neural Information Processing Systems (NeurIPS)},
  volume    = {33},
  pages     = {11961--11972},
  year      = {2020},
  note      = {arXiv:2002.07867}
}
@inproceedings{nguyen2021tight,
  title     = {Tight Bounds on the Smallest Eigenvalue of the Neural Tangent Kernel for Deep {ReLU} Networks},
  author    = {Nguyen, Quynh and Mondelli, Marco and Mont{\\'u}far, Guido},
  booktitle = {International Conference on Machine Learning (ICML)},
  series    = {PMLR},
  volume    = {139},
  pages     = {8119--8129},
  year      = {2021},
  note      = {arXiv:2012.11654}
}`,
};
