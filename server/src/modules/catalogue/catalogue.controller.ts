import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ValidQuery } from '../../common/http/json-schema.pipe.js';
import { Authenticated } from '../../common/access/permission.decorator.js';
import { searchQuerySchema, searchResponseSchema } from './catalogue.contract.js';
import { CatalogueService, type DatasetHit } from './catalogue.service.js';
import { servicesFor, type ServiceKey } from './services.js';

@ApiTags('catalogue')
@Controller('api/v1/catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  /**
   * Datasets for a question, best first, each with its portal link and licence; and the services the question
   * calls for (9-1-1, 811, 511, SOPFEU, Info-pannes), to pass to the chatbot prompt as `services`.
   */
  @Get('search')
  @Authenticated()
  @ApiOkResponse({ schema: searchResponseSchema as object })
  search(@ValidQuery(searchQuerySchema) query: { q: string; limit?: string }): {
    results: DatasetHit[];
    services: ServiceKey[];
  } {
    return {
      results: this.catalogue.search(query.q, query.limit ? Number(query.limit) : 5),
      services: servicesFor(query.q),
    };
  }
}
