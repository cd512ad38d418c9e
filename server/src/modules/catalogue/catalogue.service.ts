import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import MiniSearch from 'minisearch';
import type { FromSchema } from 'json-schema-to-ts';
import { projectRoot } from '../../common/project-root.js';
import type { searchResponseSchema } from './catalogue.contract.js';
import { licenceOf } from './catalogue-rules.js';
import { frenchTerm } from './french-terms.js';

/** A dataset as CKAN's package_search describes it (the fields the chatbot uses). */
export interface Dataset {
  name: string;
  title: string;
  notes: string;
  organization: { name: string; title: string };
  tags: { name: string }[];
  groups: { name: string; title: string }[];
  license_id: string;
  license_title?: string;
  resources: { name: string; format: string; url: string }[];
  url: string;
}

/** A dataset found, as the contract describes it; its licence in words: the chatbot names any that is not CC BY. */
export type DatasetHit = FromSchema<typeof searchResponseSchema>['results'][number];

/** The shortest word (as indexed: folded, singular) that also finds the words it begins. */
const MIN_PREFIX_LENGTH = 6;

/** The open-data catalogue sample, searched in process (MiniSearch), accent-insensitive, title and tags boosted. */
@Injectable()
export class CatalogueService {
  private readonly datasets: Dataset[];
  private readonly index: MiniSearch<Dataset & { id: string; tagText: string; organizationTitle: string }>;

  constructor() {
    const file = JSON.parse(readFileSync(join(projectRoot(), 'seeds', 'catalogue', 'datasets.json'), 'utf8')) as {
      result: { results: Dataset[] };
    };
    this.datasets = file.result.results;
    this.index = new MiniSearch({
      fields: ['title', 'tagText', 'notes', 'organizationTitle'],
      storeFields: ['name'],
      processTerm: frenchTerm,
      // A word of six letters or more also finds the longer words it begins (« routier » finds « routières »); a
      // shorter one only itself and its near spellings: « panne » (de courant) found « panneaux » de stationnement.
      searchOptions: {
        boost: { title: 3, tagText: 2 },
        prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
        fuzzy: 0.15,
        combineWith: 'OR',
      },
    });
    this.index.addAll(
      this.datasets.map((d) => ({
        ...d,
        id: d.name,
        tagText: d.tags.map((t) => t.name).join(' '),
        organizationTitle: d.organization.title,
      })),
    );
  }

  get size(): number {
    return this.datasets.length;
  }

  search(query: string, limit = 5): DatasetHit[] {
    const byName = new Map(this.datasets.map((d) => [d.name, d]));
    return this.index
      .search(query)
      .slice(0, limit)
      .map((hit) => {
        const d = byName.get(String(hit.id))!;
        return {
          name: d.name,
          title: d.title,
          organization: d.organization.title,
          formats: [...new Set(d.resources.map((r) => r.format))],
          licence: licenceOf(d),
          url: d.url,
          score: Math.round(hit.score * 100) / 100,
        };
      });
  }
}
