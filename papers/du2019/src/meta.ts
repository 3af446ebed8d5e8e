import type { PaperMeta } from '@repro/harness';

/** Du, Zhai, Póczos, Singh (ICLR 2019). */
export const meta: PaperMeta = {
  id: 'du2019',
  title: 'Gradient Descent Provably Optimizes Over-parameterized Neural Networks',
  authors: ['Simon S. Du', 'Xiyu Zhai', 'Barnabás Póczos', 'Aarti Singh'],
  venue: 'ICLR 2019',
  year: 2019,
  arxiv: '1810.02054',
  url: 'https://openreview.net/forum?id=S1eK3i09YQ',
  bibtex: `@inproceedings{du2019gradient,
  title     = {Gradient Descent Provably Optimizes Over-parameterized Neural Networks},
  author    = {Du, Simon S. and Zhai, Xiyu and P{\\'o}czos, Barnab{\\'a}s and Singh, Aarti},
  booktitle = {International Conference on Learning Representations (ICLR)},
  year      = {2019},
  note      = {arXiv:1810.02054}
}`,
};
