import type { PaperMeta } from '@repro/harness';

/** Cho & Saul (NIPS 2009). */
export const meta: PaperMeta = {
  id: 'cho-saul2009',
  title: 'Kernel Methods for Deep Learning',
  authors: ['Youngmin Cho', 'Lawrence K. Saul'],
  venue: 'NIPS 2009 (Advances in Neural Information Processing Systems 22), pp. 342–350',
  year: 2009,
  url: 'https://papers.nips.cc/paper/2009/hash/5751ec3e9a4feab575962e78e006250d-Abstract.html',
  bibtex: `@inproceedings{cho2009kernel,
  title     = {Kernel Methods for Deep Learning},
  author    = {Cho, Youngmin and Saul, Lawrence K.},
  booktitle = {Advances in Neural Information Processing Systems 22 (NIPS 2009)},
  pages     = {342--350},
  year      = {2009}
}`,
};
