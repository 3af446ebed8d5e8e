import type { PaperMeta } from '@repro/harness';

/** Soudry, Hoffer, Nacson, Gunasekar, Srebro (ICLR 2018; JMLR 2018). */
export const meta: PaperMeta = {
  id: 'soudry2017',
  title: 'The Implicit Bias of Gradient Descent on Separable Data',
  authors: ['Daniel Soudry', 'Elad Hoffer', 'Mor Shpigel Nacson', 'Suriya Gunasekar', 'Nathan Srebro'],
  venue: 'ICLR 2018',
  year: 2018,
  arxiv: '1710.10345',
  url: 'https://openreview.net/forum?id=r1q7n9gAb',
  bibtex: `@inproceedings{soudry2018implicit,
  title     = {The Implicit Bias of Gradient Descent on Separable Data},
  author    = {Soudry, Daniel and Hoffer, Elad and Nacson, Mor Shpigel and Gunasekar, Suriya and Srebro, Nathan},
  booktitle = {International Conference on Learning Representations (ICLR)},
  year      = {2018},
  note      = {arXiv:1710.10345; extended version in JMLR 19(70):1--57, 2018}
}`,
};
