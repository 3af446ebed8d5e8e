import type { PaperMeta } from '@repro/harness';

/** Song & Yang (2019), arXiv:1906.03593 (v2). The paper's own text was not available: constants come from LN3 (see README). */
export const meta: PaperMeta = {
  id: 'song-yang2019',
  title: 'Quadratic Suffices for Over-parametrization via Matrix Chernoff Bound',
  authors: ['Zhao Song', 'Xin Yang'],
  venue: 'arXiv preprint',
  year: 2019,
  arxiv: '1906.03593',
  url: 'https://arxiv.org/abs/1906.03593',
  bibtex: `@article{song2019quadratic,
  title   = {Quadratic Suffices for Over-parametrization via Matrix Chernoff Bound},
  author  = {Song, Zhao and Yang, Xin},
  journal = {arXiv preprint arXiv:1906.03593},
  year    = {2019}
}`,
};
